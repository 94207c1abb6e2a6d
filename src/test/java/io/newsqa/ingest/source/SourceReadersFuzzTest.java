package io.newsqa.ingest.source;

import static io.newsqa.ingest.source.HostileInput.hugeValue;
import static io.newsqa.ingest.source.HostileInput.just;
import static io.newsqa.ingest.source.HostileInput.mutated;
import static io.newsqa.ingest.source.HostileInput.nested;
import static io.newsqa.ingest.source.HostileInput.oneOf;
import static io.newsqa.ingest.source.HostileInput.randomBytes;
import static io.newsqa.ingest.source.HostileInput.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.newsqa.ingest.article.ArticleReadException;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.support.Slow;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzing of every source reader with generated malformed input ({@link HostileInput}; tries run
 * by {@link FuzzTries} from a printed seed): whatever the bytes, a reader hands over articles with
 * a title and a text, rejects items with a reason, or refuses the whole document with an
 * {@link ArticleReadException} saying why — never another exception or error, and never takes
 * longer than a few seconds. Tries are fixed per reader.
 * Cases the fuzzing found are kept as plain tests in {@link HostileSourceExamplesTest}.
 */
@Slow
class SourceReadersFuzzTest {

    static final byte[] FEED = utf8("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Port Avalon Gazette</title><link>https://avalon.example/</link>
            <item><title>Tram line approved</title><link>https://avalon.example/tram</link>
            <pubDate>Mon, 05 May 2025 09:00:00 +0200</pubDate>
            <description><![CDATA[<p>The council approved the tram line on Monday after a long debate.</p>]]></description></item>
            <item><title>Harbour reopens</title><link>https://avalon.example/harbour</link>
            <description>The harbour reopened to ships on Tuesday morning.</description></item>
            </channel></rss>
            """);
    static final byte[] ATOM = utf8("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title><id>urn:g</id><updated>2025-05-05T09:00:00Z</updated>
            <entry><title>Tram</title><id>urn:t</id><updated>2025-05-05T09:00:00Z</updated>
            <content type="html">&lt;p&gt;The council approved the tram line.&lt;/p&gt;</content></entry></feed>
            """);
    static final byte[] PAGE = utf8("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tram line approved - Gazette</title>
            <meta property="article:published_time" content="2025-05-05T09:00:00+02:00">
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-05-05T09:00:00+02:00"}</script>
            </head><body><nav><a href="/">Home</a></nav><article><h1>Tram line approved</h1>
            <p>The fictional city council of Port Avalon approved the new tram line on Monday after a long debate
            that ran late into the night, with forty members voting in favour and twelve against.</p>
            <p>The line will link the harbour with the university and carry twelve thousand passengers a day,
            the council's transport committee said in a statement released after the vote.</p>
            </article><footer>© Gazette</footer></body></html>
            """);
    static final byte[] JSON = utf8("""
            [{"title": "Tram line approved", "content": "The council approved the tram line on Monday.",
              "url": "https://avalon.example/tram", "date_extracted": "2025-05-05 09:00:00", "source": "gazette"},
             {"title": "Harbour reopens", "body": "The harbour reopened on Tuesday.", "published": "2025-05-06T08:00:00Z"}]
            """);
    static final byte[] JSON_LINES = utf8("""
            {"title": "Tram line approved", "content": "The council approved the tram line on Monday."}
            {"title": "Harbour reopens", "body": "The harbour reopened on Tuesday.", "published": "2025-05-06"}
            """);
    static final byte[] TEXT = utf8("""
            ---
            title: Tram line approved
            url: https://avalon.example/tram
            source: Gazette
            published: 2025-05-05T09:00:00+02:00
            language: en
            ---
            Tram line approved
            The council approved the tram line on Monday after a long debate.
            """);

    private final FieldMapping fields = FieldMapping.DEFAULT.withZone(ZoneOffset.UTC);

    @TestFactory
    Stream<DynamicTest> feedReader() {
        return FuzzTries.ofBytes(
                "feedReader",
                300,
                oneOf(
                        randomBytes(),
                        mutated(FEED),
                        mutated(ATOM),
                        nested("<rss><channel>", "<item><title>x</title>", "</item>", "</channel></rss>"),
                        hugeValue(
                                "<rss version=\"2.0\"><channel><title>t</title><item><title x=\"",
                                "\">T</title>" + "<description>text</description></item></channel></rss>")),
                bytes -> readsOrRefuses(new FeedReader(), "feed.xml", bytes));
    }

    @TestFactory
    Stream<DynamicTest> htmlPageReader() {
        return FuzzTries.ofBytes(
                "htmlPageReader",
                150,
                oneOf(
                        randomBytes(),
                        mutated(PAGE),
                        nested(
                                "<html><body><article>",
                                "<div><p>Nested text of the article that goes on.</p>",
                                "</div>",
                                "</article></body></html>"),
                        hugeValue(
                                "<html><head><meta property=\"article:published_time\" content=\"",
                                "\"></head><body><p>x</p></body></html>"),
                        hugeValue(
                                "<html><body><article><h1 title=\"",
                                "\">T</h1><p>" + "Text of the article. ".repeat(20) + "</p></article></body></html>")),
                bytes -> readsOrRefuses(new HtmlPageReader(ZoneOffset.UTC), "page.html", bytes));
    }

    @TestFactory
    Stream<DynamicTest> jsonDumpReader() {
        return FuzzTries.ofBytes(
                "jsonDumpReader",
                300,
                oneOf(
                        randomBytes(),
                        mutated(JSON),
                        nested("[{\"title\": \"t\", \"content\": \"c\", \"x\": ", "[", "]", "}]"),
                        nested("", "{\"a\": ", "}", ""),
                        hugeValue("[{\"title\": \"", "\", \"content\": \"text\"}]")),
                bytes -> readsOrRefuses(new JsonDumpReader(fields), "dump.json", bytes));
    }

    @TestFactory
    Stream<DynamicTest> jsonLinesReader() {
        return FuzzTries.ofBytes(
                "jsonLinesReader",
                300,
                oneOf(
                        randomBytes(),
                        mutated(JSON_LINES),
                        nested(
                                "{\"title\": \"t\", \"content\": \"c\", \"x\": ",
                                "[",
                                "]",
                                "}\n{\"title\": \"t2\", \"content\": \"c2\"}")),
                bytes -> readsOrRefuses(new JsonDumpReader(fields), "dump.jsonl", bytes));
    }

    @TestFactory
    Stream<DynamicTest> plainTextReader() {
        return FuzzTries.ofBytes(
                "plainTextReader",
                300,
                oneOf(
                        randomBytes(),
                        mutated(TEXT),
                        hugeValue("---\ntitle: ", "\n---\nbody"),
                        just(HostileInput.splice(TEXT, 0, HostileInput.UTF8_BOM))),
                bytes -> readsOrRefuses(new PlainTextReader(), "article.txt", bytes));
    }

    /** The property every reader holds: articles, rejections with reasons, or one refusal with a reason. */
    static void readsOrRefuses(SourceReader reader, String name, byte[] bytes) {
        RecordingSink sink = new RecordingSink();
        // A bound that catches a reader that hangs or goes quadratic, not a speed target: it holds
        // on a shared 2-core machine under the load of parallel builds.
        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> {
                    try {
                        reader.read(new SourceDocument(name, null, new ByteArrayInputStream(bytes)), sink);
                    } catch (ArticleReadException refused) {
                        sink.reasons.add(refused.getMessage());
                    } catch (Throwable unexpected) {
                        fail(
                                reader.getClass().getSimpleName() + " threw " + unexpected
                                        + " instead of refusing with a reason",
                                unexpected);
                    }
                },
                () -> reader.getClass().getSimpleName() + " took over 30 s on " + bytes.length + " bytes");
        for (ParsedArticle article : sink.articles) {
            assertThat(article.title()).isNotBlank();
            assertThat(article.body()).isNotBlank();
        }
        assertThat(sink.reasons).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }
}
