package io.newsqa.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsqa.support.Seed;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainTextArticleTest {

    @TempDir
    Path dir;

    @Test
    void readsTheSeedCleanWithItsHeadlineAsTitle() {
        ParsedArticle seed = PlainTextArticle.read(Seed.file());

        assertThat(seed.title()).isEqualTo("للمرة الثانية خلال أسبوع.. بوتين يجري إتصالا هاتفيا مع نتنياهو");
        assertThat(seed.language()).isEqualTo("ar");
        assertThat(seed.body()).doesNotContain("تم نسخ الرابط", "عاجل");
        assertThat(seed.body().lines()).as("the image caption shown twice").doesNotContain("بوتين ونتنياهو");
        assertThat(seed.body()).startsWith("أعلن المتحدث الرسمي باسم الكرملين");
        List<String> paragraphs = Arrays.asList(seed.body().split("\n\n"));
        assertThat(paragraphs)
                .as("the first part's last paragraph, before the sub-heading")
                .contains(
                        "كما تناولت المحادثة التصعيد الأخير بين إيران وإسرائيل، حيث عبّر الجانب الروسي عن استعداده لبذل جهود وساطة"
                                + " تهدف إلى دفع الحلول التفاوضية المرتبطة بالبرنامج النووي الإيراني. واتفق الطرفان على استمرار التواصل"
                                + " حول أبرز القضايا الدولية والثنائية المطروحة.");
        assertThat(paragraphs)
                .as("the article's last paragraph, share text removed")
                .last()
                .asString()
                .startsWith("وفي ظل انشغال واشنطن")
                .endsWith("في ضبط بعض الملفات الإقليمية الحساسة.");
        assertThat(seed.url()).isNull();
        assertThat(seed.source()).isNull();
        assertThat(seed.publishedAt())
                .as("the seed gives no date, so none is invented")
                .isNull();
    }

    @Test
    void readsAnEnglishArticleWithoutFrontMatter() {
        ParsedArticle article = PlainTextArticle.parse("""
                Breaking News

                Port Avalon opens its first tram line
                Port Avalon opens its first tram line

                The fictional city of Port Avalon opened a 14 km tram line on 3 June. Dr. Mira Holt said 40,000 riders are expected.

                Read more: Port Avalon museum reopens
                Share
                """);

        assertThat(article.title()).isEqualTo("Port Avalon opens its first tram line");
        assertThat(article.body())
                .isEqualTo(
                        "The fictional city of Port Avalon opened a 14 km tram line on 3 June. Dr. Mira Holt said 40,000 riders are expected.");
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.publishedAt()).isNull();
    }

    @Test
    void theTitleIsTheFirstLineEvenWhenTheBodyFollowsWithoutABlankLine() {
        ParsedArticle article =
                PlainTextArticle.parse("عاجل\nافتتاح خط الترام\nأعلنت البلدية افتتاح الخط يوم 3 يونيو.");

        assertThat(article.title()).isEqualTo("افتتاح خط الترام");
        assertThat(article.body()).isEqualTo("أعلنت البلدية افتتاح الخط يوم 3 يونيو.");
        assertThat(article.language()).isEqualTo("ar");
    }

    @Test
    void readsFrontMatter() {
        ParsedArticle article = PlainTextArticle.parse("""
                ---
                title: Tram line opens in June
                url: https://example.org/tram
                source: City Desk
                published: 2025-05-01T09:00:00+02:00
                language: EN
                ---
                The new tram line opens on 3 June.
                """);

        assertThat(article)
                .isEqualTo(new ParsedArticle(
                        "Tram line opens in June",
                        "The new tram line opens on 3 June.",
                        "https://example.org/tram",
                        "City Desk",
                        OffsetDateTime.parse("2025-05-01T09:00:00+02:00"),
                        "en"));
    }

    @Test
    void aFrontMatterTitleRepeatedAsTheFirstLineIsNotPartOfTheBody() {
        ParsedArticle article = PlainTextArticle.parse(
                "---\ntitle: Tram line opens\n---\nTram line opens\n\nThe line opens on 3 June.");

        assertThat(article.title()).isEqualTo("Tram line opens");
        assertThat(article.body()).isEqualTo("The line opens on 3 June.");
    }

    @Test
    void acceptsUtcAndPlainDatesAsStartOfDayUtc() {
        assertThat(PlainTextArticle.parse("---\npublished: 2025-05-01\n---\nTitle\n\nBody.")
                        .publishedAt())
                .isEqualTo(OffsetDateTime.parse("2025-05-01T00:00:00Z"));
        assertThat(PlainTextArticle.parse("---\npublished: 2025-05-01T07:15:00Z\n---\nTitle\n\nBody.")
                        .publishedAt())
                .isEqualTo(OffsetDateTime.parse("2025-05-01T07:15:00Z"));
    }

    @Test
    void explainsBadFrontMatter() {
        assertThatThrownBy(() -> PlainTextArticle.parse("---\npublished: last Tuesday\n---\nTitle\n\nBody."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"last Tuesday\"")
                .hasMessageContaining("2025-08-02T14:30:00+03:00");
        assertThatThrownBy(() -> PlainTextArticle.parse("---\npublished: 2025-05-01T09:00:00\n---\nTitle\n\nBody."))
                .hasMessageContaining("no time zone offset");
        assertThatThrownBy(() -> PlainTextArticle.parse("---\ntitle: never closed\nBody."))
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> PlainTextArticle.parse("---\njust words\n---\nTitle\n\nBody."))
                .hasMessageContaining("key: value");
        assertThatThrownBy(() -> PlainTextArticle.parse("---\npubished: 2025-05-01\n---\nTitle\n\nBody."))
                .hasMessageContaining("\"pubished\"")
                .hasMessageContaining("published");
        assertThatThrownBy(() -> PlainTextArticle.parse("---\ntitle: a\ntitle: b\n---\nBody."))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> PlainTextArticle.parse("---\nurl: example.org/news\n---\nTitle\n\nBody."))
                .hasMessageContaining("\"example.org/news\"")
                .hasMessageContaining("http");
        assertThatThrownBy(() -> PlainTextArticle.parse("---\nlanguage: Arabic\n---\nTitle\n\nBody."))
                .hasMessageContaining("\"arabic\"")
                .hasMessageContaining("ISO 639");
    }

    @Test
    void rejectsTextWithoutTitleOrBody() {
        assertThatThrownBy(() -> PlainTextArticle.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PlainTextArticle.parse(" \n\t\n ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PlainTextArticle.parse("عاجل\n\nتم نسخ الرابط"))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> PlainTextArticle.parse("Only a headline\n"))
                .hasMessageContaining("no article body")
                .hasMessageContaining("Only a headline");
        assertThatThrownBy(() -> PlainTextArticle.parse("---\ntitle: T\n---\n\n"))
                .hasMessageContaining("after the front matter");
        assertThatThrownBy(() -> PlainTextArticle.parse("word ".repeat(100) + "\n\nBody."))
                .hasMessageContaining("too long for a headline");
    }

    @Test
    void readsAUtf8FileWithAByteOrderMark() throws IOException {
        Path file = dir.resolve("bom.txt");
        Files.write(file, ("\uFEFFافتتاح خط الترام\n\nأعلنت البلدية افتتاح الخط.").getBytes(StandardCharsets.UTF_8));

        assertThat(PlainTextArticle.read(file).title()).isEqualTo("افتتاح خط الترام");
    }

    @Test
    void rejectsEmptyAndTitleOnlyFilesByName() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path blank = Files.writeString(dir.resolve("blank.txt"), " \n\n ");
        Path titleOnly = Files.writeString(dir.resolve("title-only.txt"), "عاجل\n\nعنوان فقط\n");

        assertThatThrownBy(() -> PlainTextArticle.read(empty))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageStartingWith(empty.toString())
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> PlainTextArticle.read(blank))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageStartingWith(blank.toString())
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> PlainTextArticle.read(titleOnly))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageStartingWith(titleOnly.toString())
                .hasMessageContaining("no article body");
    }

    @Test
    void rejectsBinaryFiles() throws IOException {
        Path png = dir.resolve("picture.txt");
        Files.write(
                png,
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'});
        Path controls = dir.resolve("controls.txt");
        byte[] noisy = new byte[400];
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = (byte) (i % 4 == 0 ? 0x01 : 'a');
        }
        Files.write(controls, noisy);

        assertThatThrownBy(() -> PlainTextArticle.read(png))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining(png.toString())
                .hasMessageContaining("looks like a binary file");
        assertThatThrownBy(() -> PlainTextArticle.read(controls))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining(controls.toString())
                .hasMessageContaining("looks like a binary file");
    }

    @Test
    void rejectsArabicInAWindowsCodePageAsNotUtf8() throws IOException {
        Path file = dir.resolve("windows-1256.txt");
        Files.write(file, "افتتاح خط الترام\n\nأعلنت البلدية افتتاح الخط.".getBytes(Charset.forName("windows-1256")));

        assertThatThrownBy(() -> PlainTextArticle.read(file))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("offset 0")
                .hasMessageContaining("iconv");
    }

    @Test
    void rejectsUtf16TextSayingSo() throws IOException {
        Path file = dir.resolve("utf16.txt");
        Files.write(file, "Title\n\nBody.".getBytes(StandardCharsets.UTF_16));

        assertThatThrownBy(() -> PlainTextArticle.read(file))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("UTF-16");
    }

    @Test
    void rejectsMissingFilesAndDirectoriesByPath() {
        Path missing = dir.resolve("missing.txt");

        assertThatThrownBy(() -> PlainTextArticle.read(missing))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> PlainTextArticle.read(dir))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("is a directory");
    }

    @Test
    void rejectsFilesOverTheSizeCap() throws IOException {
        Path big = dir.resolve("big.txt");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            // Text, not a sparse run of NUL bytes, so only the size can be the reason.
            file.write("Title\n\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = "A very long archive line of plain ASCII text.\n"
                    .repeat(1000)
                    .getBytes(StandardCharsets.US_ASCII);
            while (file.length() <= PlainTextArticle.MAX_FILE_BYTES) {
                file.write(line);
            }
        }

        assertThatThrownBy(() -> PlainTextArticle.read(big))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining(big.toString())
                .hasMessageContaining("20 MB limit");
    }

    @Test
    void parseErrorsCarryTheFileName() throws IOException {
        Path file = Files.writeString(dir.resolve("bad-date.txt"), "---\npublished: tomorrow\n---\nTitle\n\nBody.");

        assertThatThrownBy(() -> PlainTextArticle.read(file))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageStartingWith(file + ": published: \"tomorrow\"");
    }
}
