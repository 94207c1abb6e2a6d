package io.newsqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.newsqa.archive.Article;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.embedding.BuiltInModel;
import io.newsqa.embedding.EmbeddingModels;
import io.newsqa.embedding.Embeddings;
import io.newsqa.embedding.WordPieceCount;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.ingest.article.PlainTextArticle;
import io.newsqa.support.EmbeddingSettings;
import io.newsqa.support.Seed;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every text the model embeds (passage prefix, title and date, chunk, and the two special
 * pieces) fits the model's window, counted with the real tokenizer, on articles with ordinary,
 * long and absurd titles.
 */
class ChunkWindowTest {

    private static final WordPieceCount TOKENS = new WordPieceCount();
    private static final int MINILM = BuiltInModel.DEFAULT.window();
    private static final OffsetDateTime JULY_24 = OffsetDateTime.parse("2015-07-24T09:30:00+03:00");

    /** Arabic becomes many word pieces: this one headline is about 90 of them. */
    private static final String LONG_ARABIC_TITLE = "خادم الحرمين الشريفين يستقبل ولي ولي العهد ووزير الدفاع ويبحث معه"
            + " مستجدات الأوضاع في اليمن وجهود التحالف العربي لإعادة الشرعية ودعم الحكومة اليمنية في عدن";

    private static final String ARABIC_BODY =
            ("وأكد وزير الخارجية خلال المؤتمر الصحفي المشترك في الرياض، أن المملكة تدعم جهود الأمم"
                            + " المتحدة للوصول إلى حل سياسي للأزمة اليمنية. وقال إن المبادرة الخليجية وآلياتها التنفيذية ومخرجات الحوار الوطني"
                            + " هي الأساس لأي حل. وأضاف أن التحالف سيواصل عملياته حتى تعود الشرعية إلى كامل الأراضي اليمنية.\n\n")
                    .repeat(6);
    private static final String ENGLISH_BODY =
            ("The city council approved the new tram line on Monday after a debate of four hours."
                            + " Construction starts in September and the first trams should run between the station and the harbour in June."
                            + " The line will cost 412 million euros, a quarter of it paid by the region.\n\n")
                    .repeat(8);

    @Test
    void theSeedArticleFitsMiniLmsWindowWithItsHeadline() {
        ParsedArticle seed = PlainTextArticle.read(Seed.file());
        Article article = article(seed.title(), seed.body(), JULY_24);

        ChunkedArticle chunked = new Chunker(TOKENS, 200, MINILM, "").chunk(article);

        assertThat(chunked.context()).isEqualTo(seed.title() + " (2015-07-24)\n");
        assertThat(chunked.chunks()).hasSizeGreaterThan(1);
        assertEveryTextFits(chunked, "", MINILM);
        assertThat(String.join(" ", chunked.chunks())).contains("بيسكوف", "نتنياهو");
    }

    @Test
    void aLongArabicTitleTakesItsRoomFromTheChunks() {
        Article article = article(LONG_ARABIC_TITLE, ARABIC_BODY, JULY_24);
        int context = count(LONG_ARABIC_TITLE + " (2015-07-24)\n");
        assertThat(context + 2 + 200)
                .as("the title and a full chunk would not fit")
                .isGreaterThan(MINILM);

        ChunkedArticle chunked = new Chunker(TOKENS, 200, MINILM, "").chunk(article);

        assertThat(chunked.context()).isEqualTo(LONG_ARABIC_TITLE + " (2015-07-24)\n");
        assertEveryTextFits(chunked, "", MINILM);
        assertThat(chunked.chunks()).isEqualTo(bodyOnly(MINILM - 2 - context, ARABIC_BODY));

        // A 512 window keeps the configured 200.
        ChunkedArticle wide = new Chunker(TOKENS, 200, 512, "").chunk(article);
        assertThat(wide.context()).isEqualTo(chunked.context());
        assertThat(wide.chunks()).isEqualTo(bodyOnly(200, ARABIC_BODY));
    }

    @Test
    void aTitleThatWouldLeaveLessThanTheLeastChunkIsCutAtTheLastWordThatFits() {
        String title = (LONG_ARABIC_TITLE + " ").repeat(3).strip();
        Article article = article(title, ARABIC_BODY, JULY_24);

        ChunkedArticle chunked = new Chunker(TOKENS, 200, MINILM, "").chunk(article);

        assertEveryTextFits(chunked, "", MINILM);
        assertThat(chunked.context())
                .startsWith("خادم الحرمين الشريفين يستقبل ولي ولي العهد")
                .endsWith(" (2015-07-24)\n");
        String keptTitle = chunked.context().substring(0, chunked.context().indexOf(" (2015-07-24)"));
        assertThat(title).startsWith(keptTitle + " ");
        assertThat(count(chunked.context()) + 2 + Chunker.MIN_CHUNK_TOKENS).isLessThanOrEqualTo(MINILM);
        String nextWord = title.substring(keptTitle.length() + 1).split(" ")[0];
        assertThat(count(keptTitle + " " + nextWord + " (2015-07-24)\n") + 2 + Chunker.MIN_CHUNK_TOKENS)
                .isGreaterThan(MINILM);
    }

    @Test
    void anAbsurdTitleStillLeavesChunksOfAtLeastTheLeastBudgetAndEveryTextFits() {
        String title = "Breaking update on the council tram vote and everything anyone said about it "
                .repeat(40)
                .strip();
        Article article = article(title, ENGLISH_BODY, JULY_24);

        ChunkedArticle chunked = new Chunker(TOKENS, 200, MINILM, "").chunk(article);

        assertEveryTextFits(chunked, "", MINILM);
        assertThat(count(chunked.context())).isLessThanOrEqualTo(MINILM - 2 - Chunker.MIN_CHUNK_TOKENS);
        assertThat(chunked.context())
                .startsWith("Breaking update on the council")
                .endsWith(" (2015-07-24)\n");
        // Not cut into scraps: no more chunks than a 64-piece budget gives, and the body is all there.
        assertThat(chunked.chunks())
                .hasSizeLessThanOrEqualTo(
                        bodyOnly(Chunker.MIN_CHUNK_TOKENS, ENGLISH_BODY).size());
        assertThat(String.join(" ", chunked.chunks())).contains("412 million euros");

        // The same with e5's passage mark inside a 512 window.
        ChunkedArticle e5 = new Chunker(TOKENS, 200, 512, "passage: ").chunk(article);
        assertEveryTextFits(e5, "passage: ", 512);
        assertThat(count(e5.context())).isLessThanOrEqualTo(512 - 2 - count("passage: ") - Chunker.MIN_CHUNK_TOKENS);
    }

    @Test
    void withA512WindowOrdinaryArticlesAreChunkedAsBefore() {
        Article english = article("Council approves the harbour tram line", ENGLISH_BODY, JULY_24);
        Article seed = article(
                PlainTextArticle.read(Seed.file()).title(),
                PlainTextArticle.read(Seed.file()).body(),
                null);

        for (Article article : List.of(english, seed)) {
            ChunkedArticle chunked = new Chunker(TOKENS, 200, 512, "").chunk(article);
            assertThat(chunked.chunks()).as(article.title()).isEqualTo(bodyOnly(200, article.body()));
            assertEveryTextFits(chunked, "", 512);
        }
        assertThat(new Chunker(TOKENS, 200, 512, "").chunk(seed).context()).isEqualTo(seed.title() + "\n");
    }

    @Test
    void aWordLongerThanTheBudgetIsCutSoItFitsToo() {
        String link = "https://example.com/" + "a1b2c3d4e5f6".repeat(40);
        Article article = article("Tram", "Read the decision at " + link + " before Monday.", null);

        ChunkedArticle chunked = new Chunker(TOKENS, 200, MINILM, "").chunk(article);

        assertEveryTextFits(chunked, "", MINILM);
        assertThat(String.join("", chunked.chunks()).replaceAll("\\s", "")).contains(link);
    }

    @Test
    void ingestAndReembeddingHandTheModelOnlyTextsWithinItsWindow(@TempDir Path dir) {
        Embeddings minilm = EmbeddingModels.load(EmbeddingSettings.defaults());
        List<String> embedded = new ArrayList<>();
        EmbeddingModel watched = new EmbeddingModel() { // the real model, with what it is given written down
                    @Override
                    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                        segments.forEach(segment -> embedded.add(segment.text()));
                        return minilm.passages().embedAll(segments);
                    }
                };
        try (LuceneArchive archive = LuceneArchive.open(dir.resolve("archive"), minilm.id(), minilm.dimension())) {
            ArticleIngestor ingestor = new ArticleIngestor(archive, watched, Chunker.forModel(minilm, 200));
            ParsedArticle seed = PlainTextArticle.read(Seed.file());
            ingestor.ingest(seed);
            ingestor.ingest(new ParsedArticle(
                    LONG_ARABIC_TITLE, ARABIC_BODY, "https://news.example/yemen", "test", JULY_24, "ar"));
            int ingested = embedded.size();
            List<Article> stored = archive.listArticles(0, 10).stream()
                    .map(summary -> archive.findArticle(summary.id()).orElseThrow())
                    .toList();

            assertThat(ingestor.reembed(stored)).isEqualTo(ingested);

            assertThat(embedded)
                    .hasSize(2 * ingested)
                    .allSatisfy(text -> assertThat(count(text) + 2).as(text).isLessThanOrEqualTo(minilm.window()));
            assertThat(embedded).anySatisfy(text -> assertThat(text).startsWith(seed.title() + "\n"));
            assertThat(archive.stats().chunks()).isEqualTo(ingested);
        }
    }

    @Test
    void aWindowWithoutRoomForATitleIsRefused() {
        assertThatThrownBy(() -> new Chunker(TOKENS, 200, 80, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window of 80");
    }

    private static void assertEveryTextFits(ChunkedArticle chunked, String passagePrefix, int window) {
        List<TextSegment> segments = chunked.segments();
        assertThat(segments).hasSameSizeAs(chunked.chunks());
        assertThat(segments)
                .allSatisfy(segment -> assertThat(count(passagePrefix + segment.text()) + 2)
                        .as(segment.text())
                        .isLessThanOrEqualTo(window));
    }

    /** The chunks of the body alone with a budget, as before there was a window. */
    private static List<String> bodyOnly(int budget, String body) {
        return new Chunker(TOKENS, budget).chunk(article("", body, null)).chunks();
    }

    private static Article article(String title, String body, OffsetDateTime date) {
        return new Article("a", null, title, "test", date, "ar", "hash", body);
    }

    private static int count(String text) {
        return TOKENS.estimateTokenCountInText(text);
    }
}
