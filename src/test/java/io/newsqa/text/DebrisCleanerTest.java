package io.newsqa.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.support.Seed;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DebrisCleanerTest {

    @Test
    void cleansTheSeed() {
        String cleaned = DebrisCleaner.clean(Seed.text());

        assertThat(cleaned)
                .startsWith("للمرة الثانية خلال أسبوع.. بوتين يجري إتصالا هاتفيا مع نتنياهو\n\nأعلن المتحدث الرسمي");
        assertThat(cleaned).doesNotContain("تم نسخ الرابط").doesNotStartWith("عاجل");
        assertThat(cleaned.lines()).as("the caption shown twice is gone").doesNotContain("بوتين ونتنياهو");
        assertThat(cleaned).endsWith("في ضبط بعض الملفات الإقليمية الحساسة.");
        assertThat(cleaned.split("\n\n"))
                .as("headline, sub-heading and 10 paragraphs")
                .hasSize(12);
        assertThat(cleaned)
                .as("nothing of the article's own text is lost")
                .contains("واتفق الطرفان على استمرار التواصل حول أبرز القضايا الدولية والثنائية المطروحة.");
    }

    @Test
    void removesBreakingTagsShareTextAndCaptionsShownTwice() {
        String page = """
                عاجل

                العنوان الرئيسي للخبر

                صورة الرئيس
                صورة الرئيس

                الفقرة الأولى من الخبر.

                الفقرة الأخيرة من الخبر.تم نسخ الرابط
                """;

        assertThat(DebrisCleaner.clean(page))
                .isEqualTo("العنوان الرئيسي للخبر\n\nالفقرة الأولى من الخبر.\n\nالفقرة الأخيرة من الخبر.");
    }

    @Test
    void removesShareTextGluedToEitherEdgeOfAParagraph() {
        assertThat(DebrisCleaner.clean("تم نسخ الرابطأعلنت البلدية افتتاح الخط."))
                .isEqualTo("أعلنت البلدية افتتاح الخط.");
        assertThat(DebrisCleaner.clean("The line opens in June. Link copied")).isEqualTo("The line opens in June.");
        assertThat(DebrisCleaner.clean("ناقشا القضايا المطروحة.شارك")).isEqualTo("ناقشا القضايا المطروحة.");
        assertThat(DebrisCleaner.clean("The line opens in June.Share this article Copy link"))
                .isEqualTo("The line opens in June.");
    }

    @Test
    void keepsTheSameWordsWhenTheyArePartOfASentence() {
        String text = """
                شارك الرئيس في القمة وقال إن الخبر عاجل.

                قال المدير إن الموظفين لم يعد بإمكانهم أن يشارك

                Share prices rose after the council voted to share the costs.

                Read more about the summit in our archive.

                Live-streamed concerts drew 5,000 viewers.

                Related-party deals were examined; readers can print a copy""";

        assertThat(DebrisCleaner.clean(text)).isEqualTo(text);
    }

    @Test
    void removesTheLinkBackToTheArticleGluedAfterTheLastSentence() {
        String republished =
                "ارتفعت أسعار النفط في ختام التعاملات. رابط الخبر بصحيفة الوئام: النفط يرتفع نحو 1 % في ختام التعاملات";
        String quoted = "وقال إن رابط الخبر: لا يعمل";

        assertThat(DebrisCleaner.clean(republished)).isEqualTo("ارتفعت أسعار النفط في ختام التعاملات.");
        assertThat(DebrisCleaner.clean("رابط المقال: عنوان\nنص الخبر.")).isEqualTo("نص الخبر.");
        assertThat(DebrisCleaner.clean(quoted)).isEqualTo(quoted);
    }

    @Test
    void removesReadMoreLinesWithOrWithoutTheLinkedHeadline() {
        String page = """
                Breaking News
                Title
                Read more: Another story
                Share
                Body text.
                اقرأ أيضاً:
                إقرأ أيضا: عنوان خبر آخر
                Link copied""";

        assertThat(DebrisCleaner.clean(page)).isEqualTo("Title\nBody text.");
    }

    @Test
    void removesABreakingTagInFrontOfTheHeadline() {
        assertThat(DebrisCleaner.clean("عاجل: افتتاح خط الترام\n\nالنص.")).isEqualTo("افتتاح خط الترام\n\nالنص.");
        assertThat(DebrisCleaner.clean("BREAKING | Tram line opens\n\nText.")).isEqualTo("Tram line opens\n\nText.");
        assertThat(DebrisCleaner.clean("خبر عاجل - افتتاح خط الترام\n\nالنص.")).isEqualTo("افتتاح خط الترام\n\nالنص.");
    }

    @Test
    void keepsOneCopyOfAHeadlineShownTwice() {
        assertThat(DebrisCleaner.clean("Tram line opens\nTram line opens\n\nThe line opens on 3 June."))
                .isEqualTo("Tram line opens\n\nThe line opens on 3 June.");
    }

    @Test
    void removesACaptionShownTwiceEvenAcrossABlankLineOrThreeTimes() {
        assertThat(DebrisCleaner.clean("Title\n\nCaption\n\nCaption\n\nBody.")).isEqualTo("Title\n\nBody.");
        assertThat(DebrisCleaner.clean("Title\nCaption\nCaption\nCaption\nBody."))
                .isEqualTo("Title\nBody.");
    }

    @Test
    void keepsALongParagraphShownTwiceOnce() {
        String paragraph =
                "This paragraph is long enough that it cannot be an image caption, it is article text repeated by the page.";

        assertThat(DebrisCleaner.clean("Title\n\n" + paragraph + "\n\n" + paragraph))
                .isEqualTo("Title\n\n" + paragraph);
    }

    @Test
    void normalisesUnicodeAndDropsInvisibleCharacters() {
        String decomposed = "Cafe\u0301\u200B \u202Bنص\u202C\uFEFF \u061Cبيان\u2066 \u2069\u0007";

        assertThat(DebrisCleaner.clean(decomposed)).isEqualTo("Café نص بيان");
    }

    @Test
    void collapsesWhiteSpaceAndKeepsParagraphsApartByOneBlankLine() {
        String messy = "  First\u00A0\u00A0line\twith   gaps  \r\nsecond line\r\n\r\n\r\n\n   \n Next   paragraph ";

        String cleaned = DebrisCleaner.clean(messy);

        assertThat(cleaned).isEqualTo("First line with gaps\nsecond line\n\nNext paragraph");
        assertThat(Arrays.asList(cleaned.split("\n\n"))).hasSize(2);
    }

    @Test
    void aPageOfDebrisOnlyCleansToNothing() {
        assertThat(DebrisCleaner.clean("عاجل\n\nتم نسخ الرابط\nShare\n\u200B")).isEmpty();
    }
}
