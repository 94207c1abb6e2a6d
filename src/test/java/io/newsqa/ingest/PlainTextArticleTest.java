package io.newsqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainTextArticleTest {

    private static final Path SEED = Path.of("..", "shared", "seeds", "000_23fb25f5c3115797.txt");

    @TempDir
    Path dir;

    @Test
    void readsTheSeedCleanWithItsHeadlineAsTitle() {
        assertThat(SEED).as("the seed article next to the repository").exists();

        ParsedArticle seed = PlainTextArticle.read(SEED);

        assertThat(seed.title()).isEqualTo("للمرة الثانية خلال أسبوع.. بوتين يجري إتصالا هاتفيا مع نتنياهو");
        assertThat(seed.language()).isEqualTo("ar");
        assertThat(seed.body()).doesNotContain("تم نسخ الرابط", "عاجل\n");
        assertThat(seed.body().split("\n\n")).as("the image caption shown twice").doesNotContain("بوتين ونتنياهو");
        assertThat(seed.body()).startsWith("أعلن المتحدث الرسمي باسم الكرملين");
        assertThat(seed.body()).endsWith("في ضبط بعض الملفات الإقليمية الحساسة.");
        assertThat(seed.url()).isNull();
        assertThat(seed.publishedAt()).as("the seed gives no date, so none is invented").isNull();
    }

    @Test
    void readsFrontMatter() {
        ParsedArticle article = PlainTextArticle.parse("""
                ---
                title: Tram line opens in June
                url: https://example.org/tram
                source: City Desk
                published: 2025-05-01T09:00:00+02:00
                language: en
                ---
                The new tram line opens on 3 June.
                """);

        assertThat(article).isEqualTo(new ParsedArticle("Tram line opens in June", "The new tram line opens on 3 June.",
                "https://example.org/tram", "City Desk", OffsetDateTime.parse("2025-05-01T09:00:00+02:00"), "en"));
        assertThat(PlainTextArticle.parse("---\npublished: 2025-05-01\n---\nTitle\n\nBody.").publishedAt())
                .isEqualTo(OffsetDateTime.parse("2025-05-01T00:00:00Z"));
    }

    @Test
    void explainsBadFrontMatter() {
        assertThatThrownBy(() -> PlainTextArticle.parse("---\npublished: last Tuesday\n---\nTitle\n\nBody."))
                .hasMessageContaining("last Tuesday").hasMessageContaining("2025-08-02");
        assertThatThrownBy(() -> PlainTextArticle.parse("---\ntitle: never closed\nBody."))
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> PlainTextArticle.parse("---\njust words\n---\nTitle\n\nBody."))
                .hasMessageContaining("key: value");
    }

    @Test
    void rejectsATitleWithoutBody() {
        assertThatThrownBy(() -> PlainTextArticle.parse("Only a headline\n")).hasMessageContaining("no article body");
    }

    @Test
    void errorsNameTheFile() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), " \n\n ");
        Path missing = dir.resolve("missing.txt");
        Path big = dir.resolve("big.txt");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(PlainTextArticle.MAX_FILE_BYTES + 1);
        }

        assertThatThrownBy(() -> PlainTextArticle.read(empty)).isInstanceOf(ArticleReadException.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("empty");
        assertThatThrownBy(() -> PlainTextArticle.read(missing)).isInstanceOf(ArticleReadException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("no such file");
        assertThatThrownBy(() -> PlainTextArticle.read(big)).isInstanceOf(ArticleReadException.class)
                .hasMessageContaining(big.toString()).hasMessageContaining("limit");
    }
}
