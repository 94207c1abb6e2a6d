package io.newsqa.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DebrisCleanerTest {

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
    void keepsTheSameWordsWhenTheyArePartOfASentence() {
        String text = "شارك الرئيس في القمة وقال إن الخبر عاجل.\n\nRead more about the summit in our archive.";

        assertThat(DebrisCleaner.clean(text)).isEqualTo(text);
    }

    @Test
    void removesReadMoreLinesAndEnglishShareButtons() {
        String page = "Breaking News\nTitle\nRead more: Another story\nShare\nBody text.\nLink copied";

        assertThat(DebrisCleaner.clean(page)).isEqualTo("Title\n\nBody text.");
    }

    @Test
    void keepsALongParagraphShownTwiceOnce() {
        String paragraph = "This paragraph is long enough that it cannot be an image caption, it is article text repeated by the page.";

        assertThat(DebrisCleaner.clean(paragraph + "\n" + paragraph)).isEqualTo(paragraph);
    }

    @Test
    void normalisesUnicodeAndDropsInvisibleCharacters() {
        String decomposed = "Cafe\u0301\u200B \u202Bنص\u202C\uFEFF";

        assertThat(DebrisCleaner.clean(decomposed)).isEqualTo("Café نص");
    }
}
