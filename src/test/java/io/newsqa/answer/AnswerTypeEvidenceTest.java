package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerTypeEvidenceTest {

    /** Each row: a sentence that holds the answer the question asks for, and one that only restates it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CAUSE    | لماذا اتصل بوتين بنتنياهو؟ | ويعد هذا الاتصال الثاني خلال أسبوع، حيث سبق أن ناقشا تطورات الوضع في سوريا. | أجرى بوتين اتصالا هاتفيا مع نتنياهو.
            CAUSE    | Why was the opening delayed? | The opening was delayed because of additional safety tests.              | The opening was delayed.
            CAUSE    | Why did the city close the road? | The city closed the road, as repairs were needed.              | The city closed the road on Monday.
            TIME     | متى يفتتح الخط؟ | سيبدأ تشغيل الخط يوم الثالث من يونيو 2025.                                               | سيفتتح الخط قريبا بحسب البلدية.
            TIME     | When does the line open? | The line opens on 3 June 2025.                                                   | The line opens soon, the city said.
            TIME     | In what year was the deal signed? | The deal was signed in 2015.                                            | The deal was signed in Vienna.
            QUANTITY | ما الطاقة الإنتاجية للمحطة؟ | بطاقة إنتاجية تبلغ 120 ألف متر مكعب يوميا.                                           | المحطة تعمل بالطاقة الشمسية.
            QUANTITY | How many fans came? | About 22,000 fans filled the stadium.                                                 | Fans filled the stadium.
            QUANTITY | How many fans came in 2015? | In 2015, 30,000 fans came.                                                        | Fans came in 2015.
            PERSON   | من أعلن عن الاتصال؟ | أعلن المتحدث الرسمي باسم الكرملين أن بوتين أجرى الاتصال.                              | أعلن عن الاتصال أمس.
            PERSON   | Who announced the call? | The call was announced by Dmitry Peskov on Monday.                                 | The call was announced on Monday.
            PLACE    | أين تقع الألواح الشمسية؟ | وتغطي الألواح الشمسية مساحة 60 هكتارا قرب الساحل.                                       | وتعمل الألواح الشمسية بكفاءة عالية.
            PLACE    | Where does the line run? | The line runs from the station in Palm Valley to the university.                    | The line runs every ten minutes.
            MANNER   | How did the club win? | The club won on penalties after a 1-1 draw.                                              | The club won the cup.
            MANNER   | كيف تواجه البلدية الحر؟ | تواجه البلدية الحر من خلال عشرة مراكز تبريد.                                              | تواجه البلدية الحر الشديد.
            """)
    void holdsTheKindOfAnswerAskedForNotARestatement(
            QuestionType type, String question, String answers, String restates) {
        assertThat(QuestionType.of(question)).isEqualTo(type);
        assertThat(AnswerTypeEvidence.holds(type, answers, question))
                .as(answers)
                .isTrue();
        assertThat(AnswerTypeEvidence.holds(type, restates, question))
                .as(restates)
                .isFalse();
    }

    @org.junit.jupiter.api.Test
    void anyOtherQuestionNeedsNoEvidence() {
        assertThat(AnswerTypeEvidence.holds(QuestionType.OTHER, "Anything at all.", "What does the wing hold?"))
                .isTrue();
    }
}
