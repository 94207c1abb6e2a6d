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

    /** Quantities and times written without a figure or a month name, each with a sentence that gives none. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            QUANTITY | How many ships were lost?            | Fifteen ships were lost in the storm.                  | Ships were lost in the storm.
            QUANTITY | How many ships were lost?            | Seventy-five ships were lost in the storm.             | The storm sank the ships.
            QUANTITY | How many people fled the city?      | Hundreds of people fled the city.                      | People fled the city at night.
            QUANTITY | How many people fled the city?      | Several thousand people fled the city.                 | The people of the city fled.
            QUANTITY | How many people fled the city?      | Dozens of people fled the city.                        | The city's people fled.
            QUANTITY | How much of the forest burned?      | About a third of the forest burned.                    | The forest burned for days.
            QUANTITY | How many treaties protected rights? | None of the treaties protected rights.                 | The treaties protected rights.
            QUANTITY | كم سفينة غرقت؟                       | غرقت خمس عشرة سفينة في العاصفة.                        | غرقت السفن في العاصفة.
            QUANTITY | كم سفينة غرقت؟                       | وغرقت عشرين سفينة في العاصفة.                          | وغرقت السفن في العاصفة.
            QUANTITY | كم شخصا فر من المدينة؟               | فر مئات الأشخاص من المدينة.                            | فر الأشخاص من المدينة ليلا.
            QUANTITY | كم شخصا فر من المدينة؟               | فر عشرات الأشخاص من المدينة.                           | فر سكان المدينة.
            QUANTITY | كم من السكان هلك؟                    | هلك ثلثا السكان بالطاعون.                             | هلك السكان بالطاعون.
            TIME     | When was the road built?            | The road was built in the 1950s.                       | The road was built by the state.
            TIME     | When was the road built?            | The road was built in the summer.                      | The road was built by the army.
            TIME     | When does the fair open?            | The fair opens on the 5th.                             | The fair opens soon.
            TIME     | When did Carolina get the ball?     | With 4:51 left, Carolina got the ball.                 | Carolina got the ball on its own line.
            TIME     | متى أنشئ نظام الطرق؟                  | أنشئ نظام الطرق في الخمسينيات.                         | أنشئ نظام الطرق بقرار من الدولة.
            TIME     | متى افتتح المعرض؟                     | افتتح المعرض في الصيف.                                 | افتتح المعرض وزير الثقافة.
            TIME     | متى افتتح المعرض؟                     | افتتح المعرض عام ٢٠١٥.                                 | افتتح المعرض في الرياض.
            """)
    void holdsAQuantityOrTimeInWords(QuestionType type, String question, String answers, String restates) {
        holdsTheKindOfAnswerAskedForNotARestatement(type, question, answers, restates);
    }

    @org.junit.jupiter.api.Test
    void aNumberWordTheQuestionStatesIsNoAnswer() {
        assertThat(AnswerTypeEvidence.holds(
                        QuestionType.QUANTITY,
                        "The fifteen ships were lost.",
                        "How many of the fifteen ships were lost?"))
                .isFalse();
        assertThat(AnswerTypeEvidence.holds(
                        QuestionType.TIME, "The road was built in 1950.", "When in 1950 was it built?"))
                .isFalse();
        assertThat(AnswerTypeEvidence.holds(
                        QuestionType.TIME,
                        "With 4:51 left, Carolina got the ball.",
                        "When, with 4:51 left, did it score?"))
                .isFalse();
        assertThat(AnswerTypeEvidence.holds(
                        QuestionType.QUANTITY, "He won the first race.", "How many races did he win?"))
                .as("an ordinal is no quantity")
                .isFalse();
        assertThat(AnswerTypeEvidence.holds(
                        QuestionType.QUANTITY, "وأكد أحد الأطباء أن الحركة مفيدة.", "كم دقيقة يوصي الطبيب بالمشي؟"))
                .as("أحد alone is 'one of', not a number")
                .isFalse();
        assertThat(AnswerTypeEvidence.holds(
                        QuestionType.QUANTITY, "وفاز الفريق بأحد عشر لقبا.", "كم لقبا فاز به الفريق؟"))
                .isTrue();
    }

    @org.junit.jupiter.api.Test
    void anyOtherQuestionNeedsNoEvidence() {
        assertThat(AnswerTypeEvidence.holds(QuestionType.OTHER, "Anything at all.", "What does the wing hold?"))
                .isTrue();
    }
}
