package io.newsqa.ingest.source;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.article.ArticleIdentity;
import io.newsqa.support.LocalHttpServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every source kind and every failure, through the real readers into a real archive with the real model. */
class SourceIngestTest {

    private static EmbeddingModel embeddings;

    @TempDir
    Path dir;

    private ArchiveIndex archive;
    private FileIngest ingest;
    private WireMockServer server;

    @BeforeAll
    static void loadModel() {
        embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @BeforeEach
    void openArchive() {
        archive = LuceneArchive.open(dir.resolve("archive"), "all-minilm-l6-v2-q", embeddings.dimension());
        ingest = new FileIngest(
                new ArticleIngestor(archive, embeddings, new Chunker(new HuggingFaceTokenCountEstimator(), 200)),
                new SourceReaders(
                        FieldMapping.DEFAULT.withZone(ZoneOffset.ofHours(3)),
                        Duration.ofSeconds(3),
                        FetchAddressPolicy.allowing(List.of("127.0.0.1"))));
    }

    @AfterEach
    void close() {
        archive.close();
        if (server != null) {
            server.stop();
        }
    }

    // --- fictional articles, shaped like the real ones -------------------------------------------

    static final String TRAM =
            "The fictional city council of Port Avalon approved the new tram line on Monday after a long debate. "
                    + "The line will link the harbour with the university and carry twelve thousand passengers a day. "
                    + "Construction starts in March and the first trams are expected to run in the autumn of next year.";
    static final String MUSEUM =
            "The maritime museum of Port Avalon reopened on Saturday after two years of repairs to its roof. "
                    + "Visitors queued from early morning to see the restored lighthouse lens and the collection of ship models. "
                    + "The director said the museum expects forty thousand visitors before the end of the year.";
    static final String MARKET_AR =
            "افتتحت بلدية مدينة الواحة الخيالية سوقا جديدا للمزارعين يوم الخميس في الساحة القديمة وسط المدينة. "
                    + "ويضم السوق أكثر من ستين كشكا لبيع الخضار والفواكه والتمور من مزارع المنطقة. "
                    + "وقال رئيس البلدية إن السوق سيفتح أبوابه كل يوم خميس وجمعة حتى نهاية الموسم.";

    private static String jsonArticle(String url, String title, String content, String date) {
        return "{\"source\": \"avalon-times\", \"url\": \"" + url + "\", \"date_extracted\": \"" + date + "\", "
                + "\"title\": \"" + title + "\", \"author\": \"\", \"content\": \"" + content.replace("\n", "\\n")
                + "\"}";
    }

    // --- sources ----------------------------------------------------------------------------------

    @Test
    void jsonDumpWithSaudiNewsNetFieldsIsReadAndItsLocalDatesTakeTheGivenZone() throws IOException {
        Path dump = Files.writeString(
                dir.resolve("2015-07-21.json"),
                "[" + jsonArticle("https://avalon.example/tram", "Tram line approved", TRAM, "2015-07-21 02:51:40")
                        + ",\n"
                        + jsonArticle(
                                "https://avalon.example/market", "سوق جديد للمزارعين", MARKET_AR, "2015-07-21 09:00:00")
                        + ",\n{\"url\": \"https://avalon.example/empty\", \"title\": \"Headline only\", \"content\": \"\"}"
                        + ",\n{\"url\": \"https://avalon.example/cartoon\", \"title\": \"Cartoon\", \"content\": \" \"}"
                        + ",\n{\"url\": \"https://avalon.example/other\", \"title\": \"Other field\", \"story_text\": \"Text.\"}]");

        IngestReport report = ingest.ingest(List.of(dump));

        assertThat(report.countOf(IngestOutcome.ADDED)).isEqualTo(2);
        assertThat(report.rejections()).hasSize(3);
        assertThat(report.rejections().get(0).item())
                .contains("2015-07-21.json item 3", "https://avalon.example/empty");
        assertThat(report.rejections().get(0).reason()).isEqualTo("no body: the field content is empty");
        assertThat(report.rejections().get(2).reason()).contains("no body", "content", "--body-field");
        // The report ends with the rejections counted by reason, the most frequent first.
        assertThat(report.summary())
                .endsWith(String.format("rejected by reason:%n"
                        + "      2  no body: the field content is empty%n"
                        + "      1  " + report.rejections().get(2).reason()));
        Article tram = archive.findArticle(ArticleIdentity.articleId("https://avalon.example/tram", ""))
                .orElseThrow();
        assertThat(tram.publishedAt()).isEqualTo(OffsetDateTime.of(2015, 7, 21, 2, 51, 40, 0, ZoneOffset.ofHours(3)));
        assertThat(tram.source()).isEqualTo("avalon-times");
        assertThat(tram.language()).isEqualTo("en");
        Article market = archive.findArticle(ArticleIdentity.articleId("https://avalon.example/market", ""))
                .orElseThrow();
        assertThat(market.language()).isEqualTo("ar");
    }

    @Test
    void jsonLinesDumpRejectsABadLineAndKeepsTheOthers() throws IOException {
        Path dump = Files.writeString(
                dir.resolve("articles.jsonl"),
                jsonArticle("https://avalon.example/tram", "Tram line approved", TRAM, "")
                        + "\n{\"title\": \"broken\", \"content\": \n"
                        + jsonArticle("https://avalon.example/museum", "Museum reopens", MUSEUM, "2015-07-22") + "\n");

        IngestReport report = ingest.ingest(List.of(dump));

        assertThat(report.countOf(IngestOutcome.ADDED)).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.item()).endsWith("articles.jsonl line 2");
            assertThat(rejection.reason()).contains("malformed JSON");
        });
        assertThat(archive.findArticle(ArticleIdentity.articleId("https://avalon.example/tram", ""))
                        .orElseThrow()
                        .publishedAt())
                .as("no date in the source: none stored")
                .isNull();
    }

    @Test
    void zipOfDailyDumpsIsStreamedEntryByEntry() throws IOException {
        Path zip = dir.resolve("2015-07-21.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("2015-07-21.json"));
            out.write(
                    ("[" + jsonArticle("https://avalon.example/tram", "Tram line approved", TRAM, "2015-07-21 02:51:40")
                                    + "]")
                            .getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("__MACOSX/._2015-07-21.json"));
            out.write(new byte[] {0, 5, 22, 7});
            out.putNextEntry(new ZipEntry("notes/museum.txt"));
            out.write(("Museum reopens\n\n" + MUSEUM).getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("legacy.json"));
            out.write(("[" + jsonArticle("https://avalon.example/market", "سوق", MARKET_AR, "") + "]")
                    .getBytes(Charset.forName("windows-1256")));
        }

        IngestReport report = ingest.ingest(List.of(zip));

        assertThat(report.countOf(IngestOutcome.ADDED)).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.item()).contains("2015-07-21.zip!legacy.json");
            assertThat(rejection.reason()).contains("not valid UTF-8", "iconv");
        });
    }

    @Test
    void rssAndAtomFeedsGiveOneArticlePerEntryWithTheFeedDates() throws IOException {
        Path rss = Files.writeString(dir.resolve("news.rss"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
                  <title>Avalon Times</title><link>https://avalon.example/</link><description>News</description>
                  <item><title>Tram line approved</title><link>https://avalon.example/tram</link>
                    <pubDate>Tue, 21 Jul 2015 02:51:40 +0300</pubDate>
                    <description>Short teaser</description>
                    <content:encoded><![CDATA[<p>%s</p><p>Read more</p>]]></content:encoded></item>
                  <item><title>Headline without text</title><link>https://avalon.example/none</link></item>
                </channel></rss>
                """.formatted(TRAM));
        Path atom = Files.writeString(dir.resolve("museum.atom"), """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Avalon Culture</title><id>urn:avalon</id>
                  <updated>2015-07-22T10:00:00Z</updated>
                  <entry><title>Museum reopens</title><id>urn:avalon:museum</id><link href="https://avalon.example/museum"/>
                    <updated>2015-07-22T10:00:00+02:00</updated>
                    <content type="html">&lt;p&gt;%s&lt;/p&gt;</content></entry>
                </feed>
                """.formatted(MUSEUM));

        IngestReport report = ingest.ingest(List.of(rss, atom));

        assertThat(report.countOf(IngestOutcome.ADDED)).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.item()).contains("news.rss entry 2", "https://avalon.example/none");
            assertThat(rejection.reason()).contains("no article text");
        });
        Article tram = archive.findArticle(ArticleIdentity.articleId("https://avalon.example/tram", ""))
                .orElseThrow();
        assertThat(tram.publishedAt().toInstant())
                .isEqualTo(OffsetDateTime.parse("2015-07-21T02:51:40+03:00").toInstant());
        assertThat(tram.source()).isEqualTo("Avalon Times");
        assertThat(tram.body()).isEqualTo(TRAM);
        assertThat(archive.findArticle(ArticleIdentity.articleId("https://avalon.example/museum", ""))
                        .orElseThrow()
                        .publishedAt()
                        .toInstant())
                .isEqualTo(OffsetDateTime.parse("2015-07-22T08:00:00Z").toInstant());
    }

    static String articlePage(String title, String body, String head) {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%1$s | Avalon Times</title>%3$s</head>
                <body><nav><a href="/">Home</a> <a href="/city">City</a> <a href="/culture">Culture</a></nav>
                <div class="share">Share this article</div>
                <article><h1>%1$s</h1><p class="byline">By Jane Doe</p>%2$s</article>
                <aside><h3>Most read</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">A third story</a></li></ul></aside>
                <footer>© Avalon Times. All rights reserved.</footer></body></html>
                """.formatted(title, body, head);
    }

    @Test
    void htmlPageGivesItsMainTextAndItsPublishedTimeWithItsOffset() throws IOException {
        String paragraphs = "<p>" + TRAM.replace(". ", ".</p><p>") + "</p>";
        Path page = Files.writeString(
                dir.resolve("tram.html"),
                articlePage(
                        "Tram line approved",
                        paragraphs,
                        "<meta property=\"article:published_time\" content=\"2015-07-21T02:51:40+03:00\">"
                                + "<link rel=\"canonical\" href=\"https://avalon.example/tram\"><meta property=\"og:site_name\" content=\"Avalon Times\">"));
        Path jsonLd = Files.writeString(
                dir.resolve("museum.html"),
                articlePage(
                        "Museum reopens",
                        "<p>" + MUSEUM + "</p>",
                        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                                + "\"datePublished\":\"2015-07-22T10:00:00+02:00\"}</script>"));
        Path listing = Files.writeString(dir.resolve("front.html"), """
                <!doctype html><html><head><meta charset="utf-8"><title>Avalon Times</title></head><body>
                <nav><a href="/">Home</a> <a href="/city">City</a></nav>
                <ul><li><a href="/tram">Tram line approved</a></li><li><a href="/museum">Museum reopens</a></li></ul>
                </body></html>""");

        IngestReport report = ingest.ingest(List.of(page, jsonLd, listing));

        assertThat(report.countOf(IngestOutcome.ADDED)).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.item()).endsWith("front.html");
            assertThat(rejection.reason()).contains("no article text found");
        });
        Article tram = archive.findArticle(ArticleIdentity.articleId("https://avalon.example/tram", ""))
                .orElseThrow();
        assertThat(tram.publishedAt()).isEqualTo(OffsetDateTime.parse("2015-07-21T02:51:40+03:00"));
        assertThat(tram.publishedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(3));
        assertThat(tram.title()).isEqualTo("Tram line approved");
        assertThat(tram.source()).isEqualTo("Avalon Times");
        assertThat(tram.body())
                .contains("twelve thousand passengers")
                .doesNotContain("Most read", "All rights reserved", "Share this");
        Article museum =
                archive.findByContentHash(ArticleIdentity.contentHash(MUSEUM)).orElseThrow();
        assertThat(museum.publishedAt()).isEqualTo(OffsetDateTime.parse("2015-07-22T10:00:00+02:00"));
    }

    @Test
    void urlsAreFetchedAndAnUnreachableOrMissingOneIsRejectedByItsAddress() throws IOException {
        server = LocalHttpServer.start();
        serve("/tram", "text/html; charset=utf-8", articlePage("Tram line approved", "<p>" + TRAM + "</p>", ""));
        serve("/feed", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Avalon Culture</title>
                <link>https://avalon.example/</link><description>x</description>
                <item><title>Museum reopens</title><link>https://avalon.example/museum</link><description>%s</description></item>
                </channel></rss>""".formatted(MUSEUM));
        String base = LocalHttpServer.origin(server);
        String closed = "http://127.0.0.1:" + freePort() + "/gone";

        IngestReport report = ingest.ingestSources(
                List.of(base + "/tram", closed, base + "/missing", base + "/feed"), run -> {}, n -> {});

        assertThat(report.countOf(IngestOutcome.ADDED)).isEqualTo(2);
        assertThat(report.rejections()).hasSize(2);
        assertThat(report.rejections().get(0).item()).isEqualTo(closed);
        assertThat(report.rejections().get(0).reason()).contains("unreachable");
        assertThat(report.rejections().get(1).item()).isEqualTo(base + "/missing");
        assertThat(report.rejections().get(1).reason()).contains("HTTP 404");
        assertThat(archive.findArticle(ArticleIdentity.articleId(base + "/tram", ""))
                        .orElseThrow()
                        .url())
                .isEqualTo(base + "/tram");
    }

    private void serve(String path, String contentType, String body) {
        server.stubFor(get(path).willReturn(ok(body).withHeader("Content-Type", contentType)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // --- failures ---------------------------------------------------------------------------------

    @Test
    void malformedFeedWrongEncodingHugeFileAndUnknownKindAreRejectedAndTheRestIsIngested() throws IOException {
        Path feed = Files.writeString(
                dir.resolve("broken.rss"), "<?xml version=\"1.0\"?><rss><channel><title>x</title><item>");
        Path legacyHtml = Files.write(
                dir.resolve("legacy.html"),
                ("<html><body><article><p>" + MARKET_AR + " " + MARKET_AR + "</p></article></body></html>")
                        .getBytes(Charset.forName("windows-1256")));
        Path huge = dir.resolve("huge.txt");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024);
        }
        Files.writeString(huge, "A headline\n\n" + "word ".repeat(1000)); // text at the start, 50 MB in all
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024);
            file.seek(file.length() - 6);
            file.write("words\n".getBytes(StandardCharsets.UTF_8));
        }
        Path spreadsheet = Files.write(dir.resolve("figures.xlsx"), new byte[] {'P', 'K', 3, 4});
        Path good = Files.writeString(dir.resolve("tram.txt"), "Tram line approved\n\n" + TRAM);

        IngestReport report = ingest.ingest(List.of(feed, legacyHtml, huge, spreadsheet, good));

        assertThat(report.countOf(IngestOutcome.ADDED)).isEqualTo(1);
        assertThat(report.rejections())
                .extracting(IngestReport.Rejection::item)
                .containsExactly(feed.toString(), legacyHtml.toString(), huge.toString(), spreadsheet.toString());
        assertThat(report.rejections().get(0).reason()).contains("not a valid RSS or Atom feed");
        assertThat(report.rejections().get(1).reason()).contains("not valid UTF-8", "charset");
        assertThat(report.rejections().get(2).reason()).contains("limit", "JSON");
        assertThat(report.rejections().get(3).reason()).contains("unknown kind of file");
        assertThat(archive.stats().articles()).isEqualTo(1);
    }

    @Test
    void rerunningAddsNothingAndAnEditedArticleReplacesItsEarlierVersion() throws IOException {
        Path dump = Files.writeString(
                dir.resolve("day.json"),
                "[" + jsonArticle("https://avalon.example/tram", "Tram line approved", TRAM, "") + ","
                        + jsonArticle("https://avalon.example/museum", "Museum reopens", MUSEUM, "") + "]");
        ingest.ingest(List.of(dump));
        long chunks = archive.stats().chunks();

        IngestReport again = ingest.ingest(List.of(dump));

        assertThat(again.countOf(IngestOutcome.UNCHANGED)).isEqualTo(2);
        assertThat(again.countOf(IngestOutcome.ADDED)).isZero();
        assertThat(archive.stats().articles()).isEqualTo(2);
        assertThat(archive.stats().chunks()).isEqualTo(chunks);

        Files.writeString(
                dump,
                "["
                        + jsonArticle(
                                "https://avalon.example/tram",
                                "Tram line approved",
                                TRAM.replace("Monday", "Tuesday") + " A correction was added.",
                                "")
                        + "]");
        assertThat(ingest.ingest(List.of(dump)).countOf(IngestOutcome.UPDATED)).isEqualTo(1);
        assertThat(archive.stats().articles()).isEqualTo(2);
    }

    // --- near duplicates ----------------------------------------------------------------------------

    @Test
    void aWireCopyWithSmallEditsIsCountedAsADuplicateOfTheOriginalInTheSameRunAndInALaterOne() throws IOException {
        String wire = "RIYADH (Avalon Wire) " + MARKET_AR.replace("يوم الخميس", "الخميس");
        String unrelated =
                "قررت بلدية مدينة الواحة الخيالية إغلاق السوق القديم للترميم لمدة شهرين ابتداء من الأسبوع المقبل. "
                        + "وسيتم نقل الباعة مؤقتا إلى موقف السيارات الشمالي، وفق ما أعلنته البلدية في بيان.";
        Path day1 = Files.writeString(
                dir.resolve("day1.json"),
                "[" + jsonArticle("https://oasis.example/market", "سوق جديد", MARKET_AR, "")
                        + "," + jsonArticle("https://wire.example/market", "افتتاح سوق للمزارعين", wire, "")
                        + "," + jsonArticle("https://oasis.example/closure", "إغلاق السوق القديم", unrelated, "")
                        + "]");

        IngestReport first = ingest.ingest(List.of(day1));

        String originalId = ArticleIdentity.articleId("https://oasis.example/market", "");
        assertThat(first.countOf(IngestOutcome.ADDED)).isEqualTo(2);
        assertThat(first.duplicates()).singleElement().satisfies(duplicate -> {
            assertThat(duplicate.item()).contains("https://wire.example/market");
            assertThat(duplicate.originalId()).isEqualTo(originalId);
            assertThat(duplicate.exact()).isFalse();
        });
        assertThat(first.summary()).contains("copy of " + originalId);

        Path day2 = Files.writeString(
                dir.resolve("day2.json"),
                "["
                        + jsonArticle(
                                "https://other.example/market-copy",
                                "سوق المزارعين",
                                MARKET_AR.replace("الخضار", "الخضروات"),
                                "")
                        + "]");
        IngestReport second = ingest.ingest(List.of(day2));

        assertThat(second.duplicates())
                .singleElement()
                .extracting(IngestReport.Duplicate::originalId)
                .isEqualTo(originalId);
        assertThat(archive.stats().articles()).isEqualTo(2);
    }
}
