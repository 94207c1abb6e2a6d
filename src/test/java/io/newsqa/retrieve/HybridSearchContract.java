package io.newsqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.SearchFilter;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.ParsedArticle;
import io.newsqa.retrieve.time.AppliedFilter;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.translate.CrossLingualRanking;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hybrid search over a real archive, the same for every {@link ArchiveIndex}: filters, time words,
 * the recency prior and fusion. Fictional dated articles about one story (the Lumen bridge in
 * Varrow), read on 12 March 2025 at noon UTC.
 */
public abstract class HybridSearchContract {

    static final Clock NOON_12_MARCH = Clock.fixed(OffsetDateTime.parse("2025-03-12T12:00:00Z").toInstant(), ZoneOffset.UTC);
    static final Map<String, FusionWeights> WEIGHTS = Map.of(
            "ar", new FusionWeights(0, 1, 60), "en", new FusionWeights(0.3, 1, 60));

    private static EmbeddingModel sharedModel;

    protected ArchiveIndex archive;
    private HybridSearch search;
    private HybridSearch withoutTime;

    /** A new, empty archive of the implementation under test, for 384-dimension vectors. */
    protected abstract ArchiveIndex openFresh(String modelId, int dimension);

    @BeforeEach
    void ingestTheStory() {
        EmbeddingModel embeddings = model();
        archive = openFresh("all-minilm-l6-v2-q", embeddings.dimension());
        ArticleIngestor ingestor = new ArticleIngestor(archive, embeddings,
                new Chunker(new HuggingFaceTokenCountEstimator(), 200));
        for (ParsedArticle article : List.of(
                en("Lumen bridge repairs: engineers find deep cracks in the Lumen bridge",
                        "Engineers inspecting the Lumen bridge in Varrow found deep cracks in two piers. The Lumen bridge"
                                + " repairs will need new steel, the engineers said.", "wire-a", "2025-01-05T09:00:00Z"),
                en("Varrow council approves budget for bridge work",
                        "The Varrow council voted to spend four million on repairs to the Lumen bridge after the"
                                + " engineers' report.", "wire-b", "2025-02-20T15:00:00Z"),
                en("Varrow closes its river crossing",
                        "The council closed the Lumen bridge to all traffic this morning as repair crews moved in;"
                                + " buses will take the ferry road.", "wire-a", "2025-03-11T07:30:00Z"),
                en("A history of the Lumen bridge",
                        "The Lumen bridge was opened in 1911 and carried trams until 1960.", "wire-b", null),
                ar("مهندسون يفحصون جسر لومن في فارو",
                        "فحص مهندسون جسر لومن في مدينة فارو ووجدوا تشققات في دعامتين.", "wire-b", "2025-02-01T10:00:00Z"),
                ar("مجلس فارو يغلق جسر لومن للصيانة",
                        "أغلق مجلس مدينة فارو جسر لومن أمام حركة السير صباح اليوم لبدء أعمال الصيانة.", "wire-a",
                        "2025-03-11T08:00:00Z"))) {
            assertThat(ingestor.ingest(article)).isEqualTo(IngestOutcome.ADDED);
        }
        search = search(new QuestionTime(true, NOON_12_MARCH, DayOfWeek.MONDAY, Duration.ofDays(30)));
        withoutTime = search(QuestionTime.off());
    }

    @AfterEach
    void closeArchive() {
        if (archive != null) {
            archive.close();
        }
    }

    @Test
    void yesterdayFindsOnlyThatDaysArticlesAndSaysSo() {
        HybridSearch.Found found = search.find("What happened to the Lumen bridge yesterday?", "en", SearchFilter.none(), 6);

        assertThat(titles(found.passages())).first().isEqualTo("Varrow closes its river crossing");
        assertThat(found.passages()).allSatisfy(p ->
                assertThat(p.hit().article().publishedAt().toLocalDate()).hasToString("2025-03-11"));
        assertThat(found.appliedFilter()).isEqualTo(new AppliedFilter(OffsetDateTime.parse("2025-03-11T00:00:00Z"),
                OffsetDateTime.parse("2025-03-12T00:00:00Z"), "yesterday", false));
    }

    @Test
    void arabicYesterdayFindsOnlyThatDaysArabicArticle() {
        HybridSearch.Found found = search.find("ماذا حدث لجسر لومن أمس؟", "ar", SearchFilter.none(), 6);

        assertThat(titles(found.passages())).containsExactly("مجلس فارو يغلق جسر لومن للصيانة");
        assertThat(found.appliedFilter().reason()).isEqualTo("امس");
    }

    @Test
    void latestRanksTheNewestCoverageFirstAndUndatedLast() {
        String question = "What is the latest on the Lumen bridge repairs?";
        SearchFilter english = new SearchFilter(null, null, Set.of(), Set.of("en"));
        // Without the prior an older, more relevant article leads: the prior has something to change.
        assertThat(titles(withoutTime.search(question, "en", english, 4))).first()
                .isNotEqualTo("Varrow closes its river crossing");

        HybridSearch.Found found = search.find(question, "en", english, 4);

        assertThat(titles(found.passages())).containsExactly("Varrow closes its river crossing",
                "Varrow council approves budget for bridge work",
                "Lumen bridge repairs: engineers find deep cracks in the Lumen bridge",
                "A history of the Lumen bridge");
        assertThat(found.appliedFilter()).isEqualTo(new AppliedFilter(null, null, "latest", true));
    }

    @Test
    void arabicLatestRanksTheNewestFirst() {
        List<String> titles = titles(search.search("ما آخر أخبار جسر لومن في فارو؟", "ar", SearchFilter.none(), 2));

        assertThat(titles).containsExactly("مجلس فارو يغلق جسر لومن للصيانة", "مهندسون يفحصون جسر لومن في فارو");
    }

    @Test
    void anExplicitDateWinsOverThePriorAndOverTimeWords() {
        OffsetDateTime from = OffsetDateTime.parse("2025-01-01T00:00:00Z");
        OffsetDateTime to = OffsetDateTime.parse("2025-02-01T00:00:00Z");
        SearchFilter january = new SearchFilter(from, to, Set.of(), Set.of());

        HybridSearch.Found latest = search.find("What is the latest on the Lumen bridge?", "en", january, 6);
        HybridSearch.Found yesterday = search.find("What happened to the Lumen bridge yesterday?", "en", january, 6);

        for (HybridSearch.Found found : List.of(latest, yesterday)) {
            assertThat(titles(found.passages())).containsExactly(
                    "Lumen bridge repairs: engineers find deep cracks in the Lumen bridge");
            assertThat(found.appliedFilter()).isEqualTo(new AppliedFilter(from, to, AppliedFilter.REQUEST, false));
        }
    }

    @Test
    void sourceAndLanguageFiltersHoldAndCombineWithTimeWords() {
        assertThat(search.search("Lumen bridge", "en", new SearchFilter(null, null, Set.of("wire-b"), Set.of()), 10))
                .allSatisfy(p -> assertThat(p.hit().article().source()).isEqualTo("wire-b"))
                .hasSize(3);
        assertThat(titles(search.search("جسر لومن", "ar", new SearchFilter(null, null, Set.of(), Set.of("ar")), 10)))
                .containsExactlyInAnyOrder("مجلس فارو يغلق جسر لومن للصيانة", "مهندسون يفحصون جسر لومن في فارو");
        assertThat(titles(search.search("Lumen bridge last month", "en",
                new SearchFilter(null, null, Set.of("wire-b"), Set.of("en")), 10)))
                .containsExactly("Varrow council approves budget for bridge work");
    }

    @Test
    void aDateRangeExcludesUndatedArticlesAndKeepsItsBounds() {
        SearchFilter february = new SearchFilter(OffsetDateTime.parse("2025-02-01T10:00:00Z"),
                OffsetDateTime.parse("2025-02-20T15:00:00Z"), Set.of(), Set.of());

        // From is inclusive (the Arabic inspection at exactly 10:00), to exclusive (the vote at exactly 15:00).
        assertThat(titles(search.search("Lumen bridge جسر لومن", "en", february, 10)))
                .containsExactly("مهندسون يفحصون جسر لومن في فارو");
    }

    @Test
    void fusionKeepsEachRankersEvidenceAndPrefersAgreement() {
        List<RetrievedPassage> found = search.search("engineers found cracks in the Lumen bridge piers", "en",
                new SearchFilter(null, null, Set.of(), Set.of("en")), 4);

        RetrievedPassage first = found.get(0);
        assertThat(first.hit().article().title()).isEqualTo("Lumen bridge repairs: engineers find deep cracks in the Lumen bridge");
        assertThat(first.denseRank()).isEqualTo(1);
        assertThat(first.lexicalRank()).isEqualTo(1);
        assertThat(found).isSortedAccordingTo((a, b) -> Double.compare(b.fusedScore(), a.fusedScore()));
    }

    private HybridSearch search(QuestionTime time) {
        return new HybridSearch(archive, model(), language -> WEIGHTS.getOrDefault(language, new FusionWeights(1, 1, 60)),
                1, CrossLingualRanking.off(), time);
    }

    private static List<String> titles(List<RetrievedPassage> passages) {
        return passages.stream().map(p -> p.hit().article().title()).toList();
    }

    private static ParsedArticle en(String title, String body, String source, String published) {
        return article(title, body, source, published, "en");
    }

    private static ParsedArticle ar(String title, String body, String source, String published) {
        return article(title, body, source, published, "ar");
    }

    private static ParsedArticle article(String title, String body, String source, String published, String language) {
        return new ParsedArticle(title, body, "https://varrow.example/" + Math.abs(title.hashCode()), source,
                published == null ? null : OffsetDateTime.parse(published), language);
    }

    private static synchronized EmbeddingModel model() {
        if (sharedModel == null) {
            sharedModel = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        return sharedModel;
    }
}
