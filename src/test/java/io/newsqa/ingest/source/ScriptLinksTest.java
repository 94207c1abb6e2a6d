package io.newsqa.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsqa.ingest.article.ArticleReadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * An article whose link is a {@code javascript:} or {@code data:} address would run script where
 * the widget or the admin page shows it as a link: feeds, pages and JSON dumps refuse it with the
 * reason, as the text endpoint does; an http(s) link next to it is taken.
 */
class ScriptLinksTest {

    private static final String TEXT =
            "The council approved the tram line on Monday after a long debate about its cost.";

    private static SourceDocument document(String name, String type, String content) {
        return new SourceDocument(name, type, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void feedEntriesWithScriptLinksAreRejected() throws IOException {
        String rss =
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><link>https://wire.example/</link>"
                        + "<description>d</description>"
                        + "<item><title>Tram A</title><link>javascript:alert(document.cookie)</link><description>"
                        + TEXT + "</description></item>"
                        + "<item><title>Tram B</title><link>data:text/html;base64,PHNjcmlwdD4=</link><description>"
                        + TEXT + " B</description></item>"
                        + "<item><title>Tram C</title><link>https://wire.example/c</link><description>" + TEXT
                        + " C</description></item>"
                        + "</channel></rss>";
        RecordingSink sink = new RecordingSink();

        new FeedReader().read(document("feed.xml", "application/rss+xml", rss), sink);

        assertThat(sink.articles)
                .singleElement()
                .satisfies(article -> assertThat(article.url()).isEqualTo("https://wire.example/c"));
        assertThat(sink.reasons)
                .hasSize(2)
                .allSatisfy(reason -> assertThat(reason).contains("is not an http(s) address"));
    }

    @Test
    void pagesAndJsonDumpsWithScriptLinksAreRejected() throws IOException {
        String page = "<html><head><title>Tram</title><meta property=\"og:url\" content=\"javascript:alert(1)\"></head>"
                + "<body><article><h1>Tram line approved</h1>" + ("<p>" + TEXT + "</p>").repeat(8)
                + "</article></body></html>";
        String dump = "[{\"title\": \"Tram\", \"body\": \"" + TEXT + "\", \"url\": \"JavaScript:alert(1)\"}]";
        RecordingSink sink = new RecordingSink();

        // a page is one article: its reader refuses it whole
        assertThatThrownBy(
                        () -> new HtmlPageReader(ZoneOffset.UTC).read(document("page.html", "text/html", page), sink))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining("is not an http(s) address");
        new JsonDumpReader(FieldMapping.DEFAULT).read(document("dump.json", "application/json", dump), sink);

        assertThat(sink.articles).isEmpty();
        assertThat(sink.reasons).singleElement().asString().contains("is not an http(s) address");
    }
}
