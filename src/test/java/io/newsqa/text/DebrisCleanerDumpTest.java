package io.newsqa.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Debris as it comes in real dumps and scraped pages (texts fictional, shapes real). */
class DebrisCleanerDumpTest {

    @Test
    void removesTheBylineTheDumpGivesSeparatelyWhereItIsGluedToTheText() {
        String content = "الرياض: سارة العتيبي افتتحت بلدية الواحة سوقا جديدا للمزارعين.\n\nويضم السوق ستين كشكا.";

        assertThat(DebrisCleaner.clean(content, "الرياض: سارة العتيبي"))
                .isEqualTo("افتتحت بلدية الواحة سوقا جديدا للمزارعين.\n\nويضم السوق ستين كشكا.");
        assertThat(DebrisCleaner.clean("سارة العتيبي\n\nافتتحت بلدية الواحة سوقا جديدا.", "سارة العتيبي"))
                .isEqualTo("افتتحت بلدية الواحة سوقا جديدا.");
        assertThat(DebrisCleaner.clean("Opening text by Sara Otaibi, who wrote it.", "Sara Otaibi"))
                .as("a name inside a sentence stays")
                .isEqualTo("Opening text by Sara Otaibi, who wrote it.");
    }

    @Test
    void removesABylineLineAtTheTopButNotAHeadlineThatStartsWithTheSameWord() {
        assertThat(DebrisCleaner.clean("بقلم: خالد المنصور\n\nارتفعت أسعار التمور هذا الموسم."))
                .isEqualTo("ارتفعت أسعار التمور هذا الموسم.");
        assertThat(DebrisCleaner.clean("Tram line approved\n\nBy Jane Doe\n\nThe council approved the line."))
                .isEqualTo("Tram line approved\n\nThe council approved the line.");
        assertThat(DebrisCleaner.clean("كتب التاريخ الجديدة في المدارس\n\nوزعت الوزارة الكتب."))
                .startsWith("كتب التاريخ");
    }

    @Test
    void removesACaptionRepeatedFurtherDownAndReadMoreGluedToAParagraph() {
        String page = "صورة أرشيفية لسوق التمور\n\nارتفعت أسعار التمور هذا الموسم بنسبة عشرة في المئة.\n\n"
                + "وقال التجار إن الطلب زاد قبل العيد. اقرأ المزيد »\n\nصورة أرشيفية لسوق التمور";

        assertThat(DebrisCleaner.clean(page))
                .isEqualTo(
                        "ارتفعت أسعار التمور هذا الموسم بنسبة عشرة في المئة.\n\nوقال التجار إن الطلب زاد قبل العيد.");
    }

    @Test
    void aHeadlineLosesItsBreakingNewsTag() {
        assertThat(DebrisCleaner.cleanTitle("عاجل: بوتين يتصل بنتنياهو للمرة الثانية"))
                .isEqualTo("بوتين يتصل بنتنياهو للمرة الثانية");
        assertThat(DebrisCleaner.cleanTitle("Breaking | Tram line\u200B approved"))
                .isEqualTo("Tram line approved");
        assertThat(DebrisCleaner.cleanTitle("عاجل"))
                .as("a title that is only a tag is kept: better than none")
                .isEqualTo("عاجل");
    }
}
