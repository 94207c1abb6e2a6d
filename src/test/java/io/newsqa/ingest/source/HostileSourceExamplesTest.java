package io.newsqa.ingest.source;

import static io.newsqa.ingest.source.HostileInput.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.newsqa.ingest.article.ArticleReadException;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.text.LanguageDetection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The cases {@link SourceReadersFuzzTest} and {@link ZipIngestFuzzTest} found, kept as plain examples. */
class HostileSourceExamplesTest {

    private static SourceDocument document(String name, byte[] bytes) {
        return new SourceDocument(name, null, new ByteArrayInputStream(bytes));
    }

    @Test
    void aFeedCutInItsPrologOrNamingAnUnknownEncodingIsRefusedAsAFeed() {
        FeedReader feeds = new FeedReader();

        assertThatThrownBy(() -> feeds.read(document("cut.xml", utf8("<?xml versi")), new RecordingSink()))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining("not a valid RSS or Atom feed");
        assertThatThrownBy(() -> feeds.read(
                        document("enc.xml", utf8("<?xml version=\"1.0\" encoding=\"UF-8\"?><rss/>")),
                        new RecordingSink()))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining("not a valid RSS or Atom feed");
    }

    @Test
    void aJsonDumpNestedPastTheLimitIsRefusedWithTheReason() {
        JsonDumpReader dumps = new JsonDumpReader(FieldMapping.DEFAULT.withZone(ZoneOffset.UTC));

        assertThatThrownBy(() -> dumps.read(document("deep.json", utf8("[" + "[".repeat(2_000))), new RecordingSink()))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void anArrayItemThatIsNotAnObjectIsRejectedAndTheItemsAfterItAreRead() throws IOException {
        JsonDumpReader dumps = new JsonDumpReader(FieldMapping.DEFAULT.withZone(ZoneOffset.UTC));
        RecordingSink sink = new RecordingSink();

        dumps.read(
                document(
                        "mixed.json",
                        utf8("[{\"title\": \"First\", \"body\": \"The first text.\"}, 5, [1, 2],"
                                + " {\"title\": \"Last\", \"body\": \"The last text.\"}]")),
                sink);

        assertThat(sink.articles).extracting(ParsedArticle::title).containsExactly("First", "Last");
        assertThat(sink.reasons).containsExactly("not a JSON object", "not a JSON object");
    }

    @Test
    void aPageNestedThousandsDeepIsRefusedQuicklyInsteadOfHoldingTheReader() {
        HtmlPageReader pages = new HtmlPageReader(ZoneOffset.UTC);
        byte[] deep =
                utf8("<html><body>" + "<div><p>Some text of a page that goes on.</p>".repeat(5_000) + "</body></html>");

        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThatThrownBy(() -> pages.read(document("deep.html", deep), new RecordingSink()))
                        .isInstanceOf(ArticleReadException.class)
                        .hasMessageContaining("nested over " + HtmlPageReader.MAX_ELEMENT_DEPTH));
    }

    @Test
    void aPageDeclaringAnUnknownCharsetIsRefusedWithTheName() {
        HtmlPageReader pages = new HtmlPageReader(ZoneOffset.UTC);

        assertThatThrownBy(() -> pages.read(
                        document("page.html", utf8("<html><head><meta charset=\"UF-8\"></head><body>x</body></html>")),
                        new RecordingSink()))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining("unknown charset")
                .hasMessageContaining("uf-8");
    }

    @Test
    void languageDetectionOfALongRunOfLettersAndAtSignsTakesNoTime() {
        String hostile = "aaaa@".repeat(6_000) + " the council approved the tram line";
        LanguageDetection.detect("the language profiles load on first use"); // not part of the timing

        String language = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> LanguageDetection.detect(hostile));

        assertThat(language).isNotBlank();
    }

    @Test
    void aZipInsideAZipDoesNotEndTheOuterArchive() throws IOException {
        SourceReaders readers = new SourceReaders(FieldMapping.DEFAULT.withZone(ZoneOffset.UTC), Duration.ofSeconds(5));
        byte[] inner = zip(StandardCharsets.UTF_8, "inner.txt", "Inner headline\n\nThe inner article's text.");
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(outer)) {
            zip.putNextEntry(new ZipEntry("damaged.zip"));
            zip.write(new byte[] {'P', 'K', 3, 4, 9, 9, 9});
            zip.putNextEntry(new ZipEntry("good.zip"));
            zip.write(inner);
            zip.putNextEntry(new ZipEntry("last.txt"));
            zip.write(utf8("Last headline\n\nThe last article's text."));
        }
        RecordingSink sink = new RecordingSink();

        readers.readDocument(document("outer.zip", outer.toByteArray()), sink);

        assertThat(sink.articles).extracting(ParsedArticle::title).containsExactly("Inner headline", "Last headline");
        assertThat(sink.reasons).singleElement().asString().contains("ZIP archive");
    }

    @Test
    void aZipEntryNameThatIsNotUtf8IsRefusedWithTheReason() {
        ZipArchiveReader reader = new ZipArchiveReader(
                new SourceReaders(FieldMapping.DEFAULT.withZone(ZoneOffset.UTC), Duration.ofSeconds(5)));
        byte[] latin1Name = zip(StandardCharsets.ISO_8859_1, "caf\u00e9.txt", "Headline\n\nText.");

        assertThatThrownBy(() -> reader.read(document("names.zip", latin1Name), new RecordingSink()))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageContaining("not UTF-8");
    }

    private static byte[] zip(Charset names, String name, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, names)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(utf8(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
