package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.ingest.article.PlainTextArticle;
import io.newsqa.support.Seed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The archive the web tests run against: the seed (with a link and a date, as a newsroom's
 * feed would give them; the seed file itself has neither), the sample articles, and an
 * article whose title and text are HTML meant to run script, which must only ever show as text.
 * Loading is idempotent: unchanged articles are recognised and skipped.
 */
final class WebTestArchive {

    static final Path SAMPLES = Path.of("src", "main", "resources", "sample-archive");
    static final String SEED_TITLE = "للمرة الثانية خلال أسبوع.. بوتين يجري إتصالا هاتفيا مع نتنياهو";
    static final String SEED_URL = "https://news.example/2025/08/putin-netanyahu-second-call";
    static final String SEED_QUESTION = "لماذا اتصل بوتين بنتنياهو مرتين؟";

    static final String HOSTILE_TITLE = "<img src=x onerror=alert(1)>";
    static final String HOSTILE_SENTENCE =
            "The lighthouse keeper counted forty ships <b onmouseover=alert(2)>in the harbour</b> on Tuesday.";
    static final String HOSTILE_QUESTION = "How many ships did the lighthouse keeper count in the harbour?";

    private WebTestArchive() {}

    static void load(ArticleIngestor ingestor, FileIngest files) {
        ingestor.ingest(PlainTextArticle.parse("""
                ---
                url: %s
                source: Seed wire
                published: 2025-08-02T14:30:00+03:00
                ---
                """.formatted(SEED_URL) + read(Seed.file())));
        // Built directly rather than parsed: article files refuse a javascript: URL, but an
        // archive filled by other means may hold one, and the widget must not make it a link.
        ingestor.ingest(new ParsedArticle(
                HOSTILE_TITLE,
                HOSTILE_SENTENCE + " The harbour master confirmed the count.",
                "javascript:alert(3)",
                "<script>alert(4)</script>",
                OffsetDateTime.parse("2025-03-01T08:00:00Z"),
                "en"));
        // The sample archive holds the seed too, without link or date: it is a duplicate here.
        IngestReport samples = files.ingest(List.of(SAMPLES));
        assertThat(samples.rejections()).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
