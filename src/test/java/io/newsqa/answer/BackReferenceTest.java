package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackReferenceTest {

    @Test
    void aSentenceOpeningWithAPronounRefersBack() {
        assertThat(BackReference.refersBack("He is also the oldest quarterback ever to play in a Super Bowl."))
                .isTrue();
        assertThat(BackReference.refersBack("It was re-established in April 1991."))
                .isTrue();
        assertThat(BackReference.refersBack("وهو كذلك الظهير الرباعي الأكبر سنا."))
                .isTrue();
        assertThat(BackReference.refersBack("وهي أكبر مدن المنطقة.")).isTrue();
    }

    @Test
    void aDemonstrativeNearTheStartRefersBack() {
        assertThat(BackReference.refersBack("During this hold, an electrical fire began in the cabin."))
                .isTrue();
        assertThat(BackReference.refersBack("وتتضمن هذه المنطقة أراضي تابعة لتسع دول."))
                .isTrue();
        assertThat(BackReference.refersBack("أدى ذلك التجدد في القتال إلى الضغط على أسعار النفط."))
                .isTrue();
    }

    @Test
    void aSentenceThatNamesItsSubjectStandsAlone() {
        assertThat(BackReference.refersBack("Warsaw's first stock exchange was established in 1817."))
                .isFalse();
        assertThat(BackReference.refersBack("The council approved the budget, and this was welcomed by all."))
                .isFalse();
        assertThat(BackReference.refersBack("أعلن الوزير افتتاح المكتبة الجديدة يوم الأحد."))
                .isFalse();
        assertThat(BackReference.refersBack("افتتح المحافظ المهرجان في هذه المدينة."))
                .isFalse();
        assertThat(BackReference.refersBack("")).isFalse();
    }
}
