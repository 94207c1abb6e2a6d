package io.newsqa.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.SearchFilter;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.ingest.article.PlainTextArticle;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.RetrievedPassage;
import io.newsqa.support.SaudiNewsNet;
import io.newsqa.support.Seed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The showcase question asked in English over an Arabic archive, offline: the seed article among
 * 50 real Arabic articles of another day (SaudiNewsNet, read from ../shared, never copied; skipped without it), on
 * each archive ({@link LuceneCrossLingualSeedTest}, {@link PgVectorCrossLingualSeedTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CrossLingualSeedContract {

    /** application.yml's fusion weights of each question language, and of the translated rankings. */
    private static final Map<String, FusionWeights> WEIGHTS =
            Map.of("en", new FusionWeights(0.3, 1.0, 60), "ar", new FusionWeights(0.0, 1.0, 60));

    private static final double TRANSLATION_WEIGHT = 1.0;
    /** The seed article's story told in English, as a bilingual outlet would publish it next to the Arabic. */
    private static final ParsedArticle ENGLISH_COPY = new ParsedArticle(
            "Putin phones Netanyahu for the second time in a week",
            "Kremlin spokesman Dmitry Peskov announced that Russian President Vladimir Putin held a phone call with"
                    + " Israeli Prime Minister Benjamin Netanyahu.\n\nIt is the second call between Putin and Netanyahu"
                    + " within one week: on 28 July they discussed developments in Syria and the tense situation in the"
                    + " Middle East.\n\nRussia reaffirmed its support for peaceful solutions to the conflicts in the region,"
                    + " according to the Kremlin statement, and offered to mediate between Iran and Israel.",
            "https://example.org/en/putin-netanyahu-second-call",
            "example-english",
            null,
            "en");

    ArchiveIndex archive;
    EmbeddingModel embeddings;
    ArticleIngestor ingestor;
    String seedTitle;

    /** An empty archive of the implementation under test. */
    abstract ArchiveIndex openArchive(String modelId, int dimension);

    /** Closes the archive and removes what it stored. */
    abstract void dropArchive(ArchiveIndex archive);

    @BeforeAll
    void ingest() throws IOException {
        Path otherArticles = SaudiNewsNet.day("2015-07-21.zip");
        embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
        archive = openArchive("all-minilm-l6-v2-q", embeddings.dimension());
        ingestor = new ArticleIngestor(archive, embeddings, new Chunker(new HuggingFaceTokenCountEstimator(), 200));
        ParsedArticle seed = PlainTextArticle.read(Seed.file());
        seedTitle = seed.title();
        ingestor.ingest(seed);
        for (ParsedArticle other : saudiNewsNet(otherArticles, 50)) {
            ingestor.ingest(other);
        }
    }

    private static List<ParsedArticle> saudiNewsNet(Path otherArticles, int count) throws IOException {
        try (InputStream file = java.nio.file.Files.newInputStream(otherArticles);
                ZipInputStream zip = new ZipInputStream(file)) {
            ZipEntry entry = zip.getNextEntry();
            assertThat(entry).as("a JSON file in " + otherArticles).isNotNull();
            JsonNode articles = new ObjectMapper().readTree(zip);
            return java.util.stream.StreamSupport.stream(articles.spliterator(), false)
                    .filter(article -> article.path("content").asText().length() > 200
                            && !article.path("title").asText().isBlank())
                    .limit(count)
                    .map(article -> new ParsedArticle(
                            article.get("title").asText(),
                            article.get("content").asText(),
                            article.path("url").asText(null),
                            article.path("source").asText(null),
                            null,
                            "ar"))
                    .toList();
        }
    }

    @AfterAll
    void drop() {
        // Null when the SaudiNewsNet day is missing and the class was skipped before opening it.
        if (archive != null) {
            dropArchive(archive);
        }
    }

    private List<RetrievedPassage> ask(CrossLingualRanking crossLingual) {
        return ask("why did Putin call Netanyahu twice?", "en", crossLingual);
    }

    private List<RetrievedPassage> ask(String question, String language, CrossLingualRanking crossLingual) {
        HybridSearch search = new HybridSearch(
                archive,
                embeddings,
                HybridSearch.Settings.of(WEIGHTS::get, 2),
                crossLingual,
                io.newsqa.retrieve.time.QuestionTime.off());
        return search.search(question, language, SearchFilter.none(), 6);
    }

    private CrossLingualRanking dictionaries() {
        return new CrossLingualRanking(archive, InstalledDictionaries.translators(), TRANSLATION_WEIGHT);
    }

    @Test
    void theEnglishSeedQuestionFindsTheArabicSeedArticleFirst() {
        assertThat(archive.stats().articles()).isEqualTo(51);

        List<RetrievedPassage> passages = ask(dictionaries());

        assertThat(passages).isNotEmpty();
        assertThat(passages.get(0).hit().article().title()).isEqualTo(seedTitle);
    }

    @Test
    void withoutTheDictionariesOnlyTheEnglishOnlyModelRanksAndMissesTheSeed() {
        // Before: the English question has no word in common with Arabic text, and the English-only
        // embedding model reads Arabic as noise.
        List<RetrievedPassage> passages = ask(CrossLingualRanking.off());

        assertThat(passages)
                .allSatisfy(passage -> assertThat(passage.lexicalRank()).isZero());
        assertThat(passages.get(0).hit().article().title()).isNotEqualTo(seedTitle);
    }

    @Test
    void withTheStoryInBothLanguagesEachQuestionGetsThePassageInItsOwnLanguageFirst() {
        assertThat(ingestor.ingest(ENGLISH_COPY)).isEqualTo(IngestOutcome.ADDED);
        String copyId = archive.listArticles(0, 100).stream()
                .filter(a -> a.title().equals(ENGLISH_COPY.title()))
                .findFirst()
                .orElseThrow()
                .id();
        try {
            // Both articles match both questions, one by its own words, the other through the dictionary:
            // a translation's evidence weighs less than the question's own words.
            List<RetrievedPassage> arabic = ask("لماذا اتصل بوتين بنتنياهو مرتين؟", "ar", dictionaries());
            List<RetrievedPassage> english = ask(dictionaries());

            assertThat(arabic)
                    .extracting(passage -> passage.hit().article().title())
                    .contains(ENGLISH_COPY.title());
            assertThat(arabic.get(0).hit().article().title()).isEqualTo(seedTitle);
            assertThat(english)
                    .extracting(passage -> passage.hit().article().title())
                    .contains(seedTitle);
            assertThat(english.get(0).hit().article().id()).isEqualTo(copyId);
        } finally {
            archive.delete(copyId);
        }
    }

    /** The title and passage a search puts first (the 50 other articles are real news of 2015-07-21). */
    private String firstArticleText(String question) {
        List<RetrievedPassage> passages = ask(question, "en", dictionaries());
        assertThat(passages).as(question).isNotEmpty();
        return passages.get(0).hit().article().title() + "\n"
                + passages.get(0).hit().text();
    }

    @Test
    void anEnglishNameInAnyOfItsLatinSpellingsFindsTheArticlesWritingItInArabic() {
        // Chechnya's president is قاديروف in the archive; the dictionary does not know him, the
        // archive's own words do (whatever the Latin spelling: y/i, k/q).
        for (String spelling : List.of("Kadyrov", "Kadirov", "Qadyrov")) {
            assertThat(firstArticleText("Who is " + spelling + "?"))
                    .as(spelling)
                    .contains("قاديروف");
        }
    }

    @Test
    void numbersDatesAndPercentagesCrossTheLanguageLine() {
        // "99.97 في المائة" and "26 فبراير" are written in Arabic words around the same digits.
        assertThat(firstArticleText("Was the turnout 99.97 percent in the North Korea elections?"))
                .contains("99.97");
        assertThat(firstArticleText("Will the FIFA presidential election be held on 26 February?"))
                .contains("فبراير");
    }
}
