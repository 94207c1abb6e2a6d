package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kind of question, Arabic and English, over the sample archive and the seed, answered
 * without a language model: the answer holds the fact asked for, in at most two sentences of one
 * article, or says the archive does not say. Run on each archive ({@link LuceneAnswersByQuestionTypeTest},
 * {@link PgVectorAnswersByQuestionTypeTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnswersByQuestionTypeContract {

    AnswerRig rig;
    AnswerService service;

    abstract AnswerRig openRig();

    @BeforeAll
    void open() {
        rig = openRig();
        service = rig.productionService();
    }

    @AfterAll
    void close() {
        rig.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            لماذا اتصل بوتين بنتنياهو مرتين؟                       | 28 يوليو
            لماذا تأخر افتتاح خط الترام؟                            | اختبارات السلامة الإضافية
            متى يبدأ تشغيل خط الترام؟                               | الثالث من يونيو 2025
            When does the tram line open?                          | 3 June 2025
            من أعلن عن الاتصال الهاتفي بين بوتين ونتنياهو؟          | دميتري بيسكوف
            من هي مديرة المتحف؟                                     | هدى ناصر
            Who said the collection grew?                          | Huda Nasser
            كم عدد دور النشر المشاركة في معرض الكتاب؟               | 300 دار نشر
            ما الطاقة الإنتاجية لمحطة التحلية؟                      | 120 ألف متر مكعب
            How many fans filled the stadium?                      | 22,000
            How many penalties did the goalkeeper save?            | two penalties
            كم مركز تبريد فتحت البلدية؟                             | عشرة مراكز تبريد
            How much did the museum's renovation cost?             | 75 million riyals
            How did Palm Valley FC win the cup?                    | on penalties
            """)
    void answersWithTheFactAskedForInAtMostTwoSentencesOfOneArticle(String question, String fact) {
        Answer answer = service.ask(question);

        assertThat(answer.found()).as(answer.answer()).isTrue();
        assertThat(answer.answer()).contains(fact);
        assertThat(answer.citations()).hasSize(1);
        assertThat(answer.answer().split("\\[1]")).as("at most two sentences").hasSizeLessThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            من فاز بكأس العالم 2022؟
            Who won the 2022 World Cup?
            ماذا حدث أمس؟
            What happened yesterday?
            """)
    void refusesWhatTheArchiveDoesNotHold(String question) {
        Answer answer = service.ask(question);

        assertThat(answer.found()).as(answer.answer()).isFalse();
        assertThat(answer.citations()).isEmpty();
    }
}
