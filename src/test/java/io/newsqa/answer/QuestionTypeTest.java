package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionTypeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            لماذا اتصل بوتين بنتنياهو مرتين؟                | CAUSE
            ما سبب تأخر افتتاح خط الترام؟                    | CAUSE
            Why did Putin call Netanyahu twice?             | CAUSE
            What caused the delay of the tram line?         | CAUSE
            كيف تواجه البلدية موجة الحر؟                     | MANNER
            How did Palm Valley FC win the cup?             | MANNER
            متى يبدأ تشغيل خط الترام؟                        | TIME
            في أي عام ستبدأ المرحلة الثانية؟                 | TIME
            When does the tram line open?                   | TIME
            In what year will the second phase start?       | TIME
            من أعلن عن الاتصال الهاتفي؟                      | PERSON
            من هي مديرة المتحف؟                              | PERSON
            Who announced the call?                         | PERSON
            Which company built the plant?                  | PERSON
            كم عدد دور النشر المشاركة؟                       | QUANTITY
            ما الطاقة الإنتاجية لمحطة التحلية؟               | QUANTITY
            How many fans filled the stadium?               | QUANTITY
            How much did the renovation cost?               | QUANTITY
            What is the capacity of the desalination plant? | QUANTITY
            أين تقع الألواح الشمسية؟                         | PLACE
            من أين انطلق الخط؟                               | PLACE
            في أي مدينة يقع المتحف؟                          | PLACE
            Where does the tram line run?                   | PLACE
            In which city is the museum?                    | PLACE
            ما الذي يضمه الجناح الجديد؟                      | OTHER
            What does the new wing hold?                    | OTHER
            Who was mayor when the tram line opened?        | PERSON
            """)
    void readsTheKindOfAnswerFromTheQuestionWords(String question, QuestionType expected) {
        assertThat(QuestionType.of(question)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            What are the three stages of the project?  | true
            List the stops of the tram line.           | true
            ما مراحل المشروع؟                          | true
            عدد أسباب تأخر الافتتاح.                   | true
            كم عدد محطات الخط؟                         | false
            When does the tram line open?              | false
            """)
    void tellsAQuestionAskingForAListOrASequence(String question, boolean list) {
        assertThat(QuestionType.asksForList(question)).isEqualTo(list);
    }
}
