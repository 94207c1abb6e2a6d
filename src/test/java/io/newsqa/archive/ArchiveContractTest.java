package io.newsqa.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ArchiveIndex} must have. Each implementation extends this class and
 * says how to open a fresh, empty archive and how to reopen the same one.
 */
public abstract class ArchiveContractTest {

    protected static final String MODEL = "test-model-v1";
    protected static final int DIM = 4;

    protected ArchiveIndex archive;

    /** Opens a new, empty archive for one test. */
    protected abstract ArchiveIndex openFresh(String modelId, int dimension);

    /** Opens the archive the last {@link #openFresh} created again, as after a restart. */
    protected abstract ArchiveIndex reopen(String modelId, int dimension);

    /**
     * Stores an article of its own story as archives written before articles were linked to
     * stories hold it: with no story recorded. The embedded archive writes none for such an
     * article anyway; PostgreSQL leaves the column NULL.
     */
    protected void storeAsBeforeStories(Article article, List<Chunk> chunks) {
        archive.put(article, chunks);
    }

    @BeforeEach
    void open() {
        archive = openFresh(MODEL, DIM);
    }

    @AfterEach
    void closeArchive() {
        if (archive != null) {
            archive.close();
        }
    }

    static Article article(
            String id, String title, String language, String source, OffsetDateTime published, String body) {
        return new Article(id, "https://news.example/" + id, title, source, published, language, "hash-" + id, body);
    }

    static float[] vec(float... values) {
        return values;
    }

    private Article putSeedLike() {
        Article putin = article(
                "putin",
                "للمرة الثانية خلال أسبوع.. بوتين يجري اتصالا هاتفيا مع نتنياهو",
                "ar",
                "wire-a",
                OffsetDateTime.parse("2025-08-02T14:30:00+03:00"),
                "أعلن الكرملين أن الرئيس الروسي فلاديمير بوتين أجرى اتصالا هاتفيا مع بنيامين نتنياهو.");
        archive.put(
                putin,
                List.of(
                        new Chunk(
                                "putin",
                                0,
                                "أعلن الكرملين أن الرئيس الروسي فلاديمير بوتين أجرى اتصالا هاتفيا مع بنيامين نتنياهو.",
                                vec(1, 0, 0, 0)),
                        new Chunk(
                                "putin",
                                1,
                                "ويعد هذا الاتصال الثاني بين بوتين ونتنياهو خلال أسبوع واحد.",
                                vec(0.9f, 0.1f, 0, 0))));
        return putin;
    }

    private Article putEnglish() {
        Article floods = article(
                "floods",
                "River floods close the coastal road",
                "en",
                "wire-b",
                OffsetDateTime.parse("2024-03-10T08:00:00Z"),
                "The mayor called an emergency meeting after the river flooded the coastal road.");
        archive.put(
                floods,
                List.of(new Chunk(
                        "floods",
                        0,
                        "The mayor called an emergency meeting after the river flooded the coastal road.",
                        vec(0, 1, 0, 0))));
        return floods;
    }

    private Article putUndated() {
        Article undated = article(
                "undated",
                "Harbour festival opens",
                "en",
                "wire-b",
                null,
                "The harbour festival opened with boats and music.");
        archive.put(
                undated,
                List.of(new Chunk("undated", 0, "The harbour festival opened with boats and music.", vec(0, 0, 1, 0))));
        return undated;
    }

    @Test
    void storesAndReturnsAnArticleWithAllItsFields() {
        Article putin = putSeedLike();

        assertThat(archive.findArticle("putin")).contains(putin);
        assertThat(archive.findArticle("missing")).isEmpty();
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 2));
        assertThat(archive.dimension()).isEqualTo(DIM);
    }

    @Test
    void keepsThePublicationTimeZoneAndStoresNoDateWhenThereIsNone() {
        putSeedLike();
        putUndated();

        assertThat(archive.findArticle("putin").orElseThrow().publishedAt())
                .isEqualTo(OffsetDateTime.parse("2025-08-02T14:30:00+03:00"));
        assertThat(archive.findArticle("undated").orElseThrow().publishedAt()).isNull();
    }

    @Test
    void theNewestPublicationIsTheLatestDateOfAStoredArticleInItsOwnOffset() {
        assertThat(archive.newestPublication()).as("an empty archive").isEmpty();
        putUndated();
        assertThat(archive.newestPublication()).as("no article has a date").isEmpty();

        putEnglish();
        putSeedLike();
        assertThat(archive.newestPublication()).contains(OffsetDateTime.parse("2025-08-02T14:30:00+03:00"));

        archive.delete("putin");
        assertThat(archive.newestPublication())
                .as("a deleted article's date no longer counts")
                .contains(OffsetDateTime.parse("2024-03-10T08:00:00Z"));
    }

    @Test
    void keepsTheStoryAnArticleIsLinkedToAndTakesNoneAsItsOwn() {
        Article putin = putSeedLike();
        Article retold = article(
                        "putin-retold",
                        "بوتين يتصل بنتنياهو مجددا",
                        "ar",
                        "wire-b",
                        OffsetDateTime.parse("2025-08-03T09:00:00+03:00"),
                        "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا ثانيا مع بنيامين نتنياهو.")
                .inStory("putin");
        archive.put(retold, List.of(new Chunk("putin-retold", 0, retold.body(), vec(0.8f, 0.2f, 0, 0))));

        assertThat(archive.findArticle("putin-retold").orElseThrow().storyId()).isEqualTo("putin");
        assertThat(archive.findArticle("putin").orElseThrow().storyId()).isEqualTo("putin");
        assertThat(putin.retellsAnother()).isFalse();
        // Search results, the article list and the export (copy-archive) carry it too.
        assertThat(archive.lexicalSearch("بوتين نتنياهو", "ar", 10, SearchFilter.none()))
                .extracting(hit -> hit.article().id() + ">" + hit.article().storyId())
                .contains("putin>putin", "putin-retold>putin");
        assertThat(archive.denseSearch(vec(0.8f, 0.2f, 0, 0), 1, SearchFilter.none())
                        .get(0)
                        .article()
                        .storyId())
                .isEqualTo("putin");
        assertThat(archive.listArticles(0, 10))
                .extracting(ArticleSummary::storyId)
                .containsExactlyInAnyOrder("putin", "putin");
        assertThat(exported(archive))
                .extracting(stored -> stored.article().storyId())
                .containsExactly("putin", "putin");

        archive.close();
        archive = reopen(MODEL, DIM);
        assertThat(archive.findArticle("putin-retold")).contains(retold);
    }

    @Test
    void recordedStoriesGiveEveryArticlesPublicationAndTheStoryWrittenForIt() {
        Article putin = putSeedLike();
        putUndated();
        Article retold = article(
                        "putin-retold",
                        "بوتين يتصل بنتنياهو مجددا",
                        "ar",
                        "wire-b",
                        OffsetDateTime.parse("2025-08-03T09:00:00+03:00"),
                        "أجرى بوتين اتصالا ثانيا مع نتنياهو.")
                .inStory("putin");
        archive.put(retold, List.of(new Chunk("putin-retold", 0, retold.body(), vec(0.8f, 0.2f, 0, 0))));
        storeAsBeforeStories(
                article("old", "Old", "en", "wire-a", OffsetDateTime.parse("2015-07-23T10:00:00+03:00"), "Old text."),
                List.of(new Chunk("old", 0, "Old text.", vec(0, 0, 0, 1))));

        Map<String, RecordedStory> stories = new HashMap<>();
        archive.recordedStories().forEach(story -> stories.put(story.articleId(), story));

        assertThat(stories).containsOnlyKeys("putin", "undated", "putin-retold", "old");
        assertThat(stories.get("putin-retold"))
                .isEqualTo(new RecordedStory("putin-retold", retold.publishedAt(), "putin"));
        assertThat(stories.get("old"))
                .isEqualTo(new RecordedStory("old", OffsetDateTime.parse("2015-07-23T10:00:00+03:00"), null));
        assertThat(stories.get("undated").publishedAt()).isNull();
        // An article of its own story stored now: PostgreSQL records its own id, the embedded archive nothing.
        assertThat(stories.get("putin").storyId()).isIn(null, "putin");
        assertThat(stories.get("putin").publishedAt()).isEqualTo(putin.publishedAt());
    }

    @Test
    void setStoriesChangesOnlyTheStoryKeepingChunksVectorsAndTheTimeOfStoring() throws InterruptedException {
        putInOrder(this::putSeedLike, this::putEnglish);
        Article floods = archive.findArticle("floods").orElseThrow();
        List<ArticleSummary> listed = archive.listArticles(0, 10);
        List<StoredArticle> before = exported(archive);
        // Searches read (and may keep) the articles as they are now.
        assertThat(archive.denseSearch(vec(0, 1, 0, 0), 1, SearchFilter.none())
                        .get(0)
                        .article()
                        .storyId())
                .isEqualTo("floods");

        assertThat(archive.setStories(Map.of("floods", "putin", "missing", "putin", "putin", "putin")))
                .isEqualTo(1);

        assertThat(archive.findArticle("floods")).contains(floods.inStory("putin"));
        ChunkHit hit =
                archive.denseSearch(vec(0, 1, 0, 0), 1, SearchFilter.none()).get(0);
        assertThat(hit.article().storyId()).isEqualTo("putin");
        assertThat(hit.score()).isCloseTo(1.0, offset(1e-6));
        assertThat(archive.lexicalSearch("flooded coastal road", "en", 5, SearchFilter.none()))
                .extracting(found -> found.article().storyId())
                .containsExactly("putin");
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(2, 3));
        assertThat(archive.listArticles(0, 10))
                .extracting(ArticleSummary::id, ArticleSummary::ingestedAt)
                .containsExactlyElementsOf(
                        listed.stream().map(a -> tuple(a.id(), a.ingestedAt())).toList());
        List<StoredArticle> after = exported(archive);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).article().id())
                    .isEqualTo(before.get(i).article().id());
            assertThat(after.get(i).chunks())
                    .usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(before.get(i).chunks());
        }

        assertThat(archive.setStories(Map.of("floods", "putin")))
                .as("already so")
                .isZero();
        archive.close();
        archive = reopen(MODEL, DIM);
        assertThat(archive.findArticle("floods").orElseThrow().storyId()).isEqualTo("putin");
        assertThat(archive.setStories(Map.of("floods", "floods"))).isEqualTo(1);
        assertThat(archive.findArticle("floods")).contains(floods);
    }

    @Test
    void anArticleStoredBeforeStoriesIsItsOwnStoryUntilOneIsSet() {
        Article old = article("old", "Old", "en", "wire-a", null, "The harbour reopened after the storm.");
        storeAsBeforeStories(old, List.of(new Chunk("old", 0, old.body(), vec(0, 0, 1, 0))));

        assertThat(archive.findArticle("old")).contains(old);
        assertThat(archive.setStories(Map.of("old", "old")))
                .as("its own story already")
                .isZero();
        assertThat(archive.setStories(Map.of("old", "earlier"))).isEqualTo(1);
        assertThat(archive.findArticle("old").orElseThrow().storyId()).isEqualTo("earlier");
        assertThat(archive.recordedStories()).containsExactly(new RecordedStory("old", null, "earlier"));
    }

    @Test
    void findsAnArticleByContentHash() {
        putSeedLike();

        assertThat(archive.findByContentHash("hash-putin")).map(Article::id).contains("putin");
        assertThat(archive.findByContentHash("hash-nothing")).isEmpty();
    }

    @Test
    void putReplacesThePreviousVersionAndItsChunks() {
        putSeedLike();
        Article updated = article("putin", "Updated title", "ar", "wire-a", null, "نص جديد تماما عن الطقس");
        archive.put(updated, List.of(new Chunk("putin", 0, "نص جديد تماما عن الطقس", vec(0, 0, 0, 1))));

        assertThat(archive.findArticle("putin")).contains(updated);
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 1));
        assertThat(archive.lexicalSearch("نتنياهو", "ar", 10, SearchFilter.none()))
                .isEmpty();
    }

    /** Hits carry the article as stored now, also after searches read (and may have kept) the old version. */
    @Test
    void searchHitsCarryTheCurrentVersionOfTheirArticle() {
        Article first = article("tram", "Tram opens in June", "en", "wire-a", null, "The tram line opens soon.");
        archive.put(first, List.of(new Chunk("tram", 0, "The tram line opens soon.", vec(1, 0, 0, 0))));
        assertThat(archive.lexicalSearch("tram", "en", 5, SearchFilter.none()))
                .extracting(ChunkHit::article)
                .containsExactly(first.header());
        assertThat(archive.denseSearch(vec(1, 0, 0, 0), 5, SearchFilter.none()))
                .extracting(ChunkHit::article)
                .containsExactly(first.header());

        Article corrected = article("tram", "Tram opens in July", "en", "wire-b", null, "The tram line opens soon.");
        archive.put(corrected, List.of(new Chunk("tram", 0, "The tram line opens soon.", vec(1, 0, 0, 0))));

        assertThat(archive.lexicalSearch("tram", "en", 5, SearchFilter.none()))
                .extracting(ChunkHit::article)
                .containsExactly(corrected.header());
        assertThat(archive.denseSearch(vec(1, 0, 0, 0), 5, SearchFilter.none()))
                .extracting(ChunkHit::article)
                .containsExactly(corrected.header());
    }

    /** Hits carry no bodies; the bodies of the passages kept are read by id, the current version's. */
    @Test
    void bodiesAreReadByIdForStoredArticlesOnly() {
        Article first = article("tram", "Tram opens in June", "en", "wire-a", null, "The tram line opens soon.");
        archive.put(first, List.of(new Chunk("tram", 0, "The tram line opens soon.", vec(1, 0, 0, 0))));
        Article putin = putSeedLike();
        assertThat(archive.bodies(List.of("tram", "putin", "missing")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("tram", first.body(), "putin", putin.body()));

        Article corrected = article("tram", "Tram opens in June", "en", "wire-a", null, "The tram line opens in July.");
        archive.put(corrected, List.of(new Chunk("tram", 0, "The tram line opens in July.", vec(1, 0, 0, 0))));
        archive.delete("putin");

        assertThat(archive.bodies(List.of("tram", "putin"))).containsExactlyEntriesOf(Map.of("tram", corrected.body()));
        assertThat(archive.bodies(List.of())).isEmpty();
    }

    @Test
    void rejectsAChunkOfTheWrongDimensionOrArticleAndKeepsWhatWasStored() {
        Article putin = putSeedLike();
        Article broken = article("putin", "broken", "ar", null, null, "نص");

        assertThatThrownBy(() -> archive.put(broken, List.of(new Chunk("putin", 0, "نص", vec(1, 2)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension");
        assertThatThrownBy(() -> archive.put(broken, List.of(new Chunk("other", 0, "نص", vec(1, 0, 0, 0)))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(archive.findArticle("putin")).contains(putin);
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 2));
    }

    @Test
    void putAllStoresAGroupInOrderSoALaterVersionInTheGroupWins() {
        Article first = article("tram", "Tram opens in June", "en", "wire-a", null, "The tram line opens in June.");
        Article corrected = article("tram", "Tram opens in July", "en", "wire-a", null, "The tram line opens in July.");
        Article floods = article("floods", "River floods", "en", "wire-b", null, "The river flooded the coastal road.");

        archive.putAll(List.of(
                new StoredArticle(
                        first, List.of(new Chunk("tram", 0, "The tram line opens in June.", vec(1, 0, 0, 0)))),
                new StoredArticle(
                        floods,
                        List.of(new Chunk("floods", 0, "The river flooded the coastal road.", vec(0, 1, 0, 0)))),
                new StoredArticle(
                        corrected, List.of(new Chunk("tram", 0, "The tram line opens in July.", vec(0, 0, 1, 0))))));

        assertThat(archive.findArticle("tram")).contains(corrected);
        assertThat(archive.findArticle("floods")).contains(floods);
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(2, 2));
        assertThat(archive.lexicalSearch("June", "en", 10, SearchFilter.none())).isEmpty();
    }

    @Test
    void putAllWithOneBadArticleStoresNoneOfTheGroup() {
        Article putin = putSeedLike();
        Article floods = article("floods", "River floods", "en", "wire-b", null, "The river flooded the coastal road.");
        Article broken = article("putin", "broken", "ar", null, null, "نص");

        assertThatThrownBy(() -> archive.putAll(List.of(
                        new StoredArticle(
                                floods,
                                List.of(new Chunk(
                                        "floods", 0, "The river flooded the coastal road.", vec(0, 1, 0, 0)))),
                        new StoredArticle(broken, List.of(new Chunk("putin", 0, "نص", vec(1, 2)))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("putin");

        assertThat(archive.findArticle("putin")).contains(putin);
        assertThat(archive.findArticle("floods")).isEmpty();
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 2));
    }

    @Test
    void deleteRemovesTheArticleAndItsChunks() {
        putSeedLike();
        putEnglish();

        assertThat(archive.delete("putin")).isTrue();
        assertThat(archive.delete("putin")).isFalse();
        assertThat(archive.findArticle("putin")).isEmpty();
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 1));
        assertThat(archive.denseSearch(vec(1, 0, 0, 0), 10, SearchFilter.none()))
                .extracting(hit -> hit.article().id())
                .containsOnly("floods");
    }

    @Test
    void denseSearchRanksByCosineSimilarity() {
        putSeedLike();
        putEnglish();

        List<ChunkHit> hits = archive.denseSearch(vec(1, 0, 0, 0), 10, SearchFilter.none());

        assertThat(hits).extracting(ChunkHit::key).containsExactly("putin#0", "putin#1", "floods#0");
        assertThat(hits.get(0).score()).isCloseTo(1.0, offset(1e-4));
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        assertThat(hits.get(1).text()).contains("الاتصال الثاني");
        assertThat(archive.denseSearch(vec(1, 0, 0, 0), 1, SearchFilter.none())).hasSize(1);
    }

    @Test
    void lexicalSearchNormalisesAndStemsArabic() {
        putSeedLike();
        putEnglish();

        // "بنتنياهو" carries the proclitic ب, the text has "ونتنياهو" and "نتنياهو".
        List<ChunkHit> hits = archive.lexicalSearch("لماذا اتصل بوتين بنتنياهو مرتين؟", "ar", 10, SearchFilter.none());

        assertThat(hits).isNotEmpty();
        assertThat(hits).extracting(hit -> hit.article().id()).containsOnly("putin");
        assertThat(hits.get(0).score()).isPositive();
    }

    @Test
    void lexicalSearchStemsEnglish() {
        putSeedLike();
        putEnglish();

        List<ChunkHit> hits = archive.lexicalSearch("Why were the roads flooding?", "en", 10, SearchFilter.none());

        assertThat(hits).extracting(ChunkHit::key).containsExactly("floods#0");
    }

    @Test
    void lexicalSearchWeighsRareTermsAboveCommonOnes() {
        // BM25's inverse document frequency: "council" is in every chunk, "zeppelin" in one. A
        // ranking without it (ts_rank) puts the chunk saying "council" three times first.
        for (int i = 0; i < 5; i++) {
            String id = "council" + i;
            String text = i == 0
                    ? "The council met; the council voted; the council adjourned."
                    : "The council met on day " + i + ".";
            archive.put(
                    article(id, "Council " + i, "en", "wire-b", null, text),
                    List.of(new Chunk(id, 0, text, vec(0, 1, 0, i + 1))));
        }
        String text = "A zeppelin flew over the harbour while the council met.";
        archive.put(
                article("zeppelin", "Zeppelin", "en", "wire-b", null, text),
                List.of(new Chunk("zeppelin", 0, text, vec(1, 1, 1, 1))));

        assertThat(archive.lexicalSearch("council zeppelin", "en", 10, SearchFilter.none())
                        .get(0)
                        .key())
                .isEqualTo("zeppelin#0");
    }

    @Test
    void arabicQuestionWordsAndParticlesDoNotDecideTheLexicalRanking() {
        // "ما" and "في" are stop words: the chunk full of them must not beat the one with the
        // question's content word.
        String particles = "ما في ما في ما في من على";
        String content = "افتتح المتحف الجديد أبوابه للزوار";
        archive.put(
                article("particles", "أ", "ar", "wire-a", null, particles),
                List.of(new Chunk("particles", 0, particles, vec(1, 0, 0, 0))));
        archive.put(
                article("museum", "ب", "ar", "wire-a", null, content),
                List.of(new Chunk("museum", 0, content, vec(0, 1, 0, 0))));

        List<ChunkHit> hits = archive.lexicalSearch("ما هو المتحف في المدينة؟", "ar", 10, SearchFilter.none());

        assertThat(hits).extracting(ChunkHit::key).containsExactly("museum#0");
    }

    @Test
    void lexicalSearchOfOnlyStopWordsFindsNothingRatherThanFailing() {
        putEnglish();

        assertThat(archive.lexicalSearch("the of and", "en", 10, SearchFilter.none()))
                .isEmpty();
        assertThat(archive.lexicalSearch("", "en", 10, SearchFilter.none())).isEmpty();
        assertThat(archive.lexicalSearch("\"(*&^%$ OR AND: NOT [", "en", 10, SearchFilter.none()))
                .isEmpty();
    }

    @Test
    void weightedLexicalSearchRanksByTheTermsWeights() {
        putEnglish();
        putUndated();

        // Both chunks match one term each; the heavier term's chunk comes first, whichever it is.
        List<ChunkHit> harbourFirst = archive.weightedLexicalSearch(
                List.of(new WeightedTerm("harbour", 3.0), new WeightedTerm("mayor", 0.2)),
                "en",
                10,
                SearchFilter.none());
        List<ChunkHit> mayorFirst = archive.weightedLexicalSearch(
                List.of(new WeightedTerm("harbour", 0.2), new WeightedTerm("mayor", 3.0)),
                "en",
                10,
                SearchFilter.none());

        assertThat(harbourFirst).extracting(ChunkHit::key).containsExactly("undated#0", "floods#0");
        assertThat(mayorFirst).extracting(ChunkHit::key).containsExactly("floods#0", "undated#0");
        assertThat(harbourFirst.get(0).score())
                .isGreaterThan(harbourFirst.get(1).score());
    }

    @Test
    void vocabularyCountsTheChunksHoldingEachUnstemmedWordOfOneLanguage() {
        String first = "The Panthers beat the Broncos.";
        String second = "Panthers fans celebrated.";
        String arabic = "فاز البانثرز";
        archive.put(
                article("game", "Game", "en", "wire-a", null, first + " " + second),
                List.of(new Chunk("game", 0, first, vec(1, 0, 0, 0)), new Chunk("game", 1, second, vec(0, 1, 0, 0))));
        archive.put(
                article("ar-game", "مباراة", "ar", "wire-a", null, arabic),
                List.of(new Chunk("ar-game", 0, arabic, vec(0, 0, 1, 0))));

        var english = archive.vocabulary("en");

        assertThat(english)
                .containsEntry("panthers", 2)
                .containsEntry("broncos", 1)
                .containsEntry("celebrated", 1)
                .doesNotContainKey("البانثرز")
                .doesNotContainKey("Panthers");
        assertThat(archive.vocabulary("ar")).containsEntry("البانثرز", 1).doesNotContainKey("panthers");
        assertThat(archive.vocabulary("fr")).isEmpty();
    }

    @Test
    void weightedLexicalSearchAnalysesEachTermInTheSearchLanguage() {
        putSeedLike();
        putEnglish();

        // A multi-word Arabic term with a stop word and a proclitic; weights of the same word add up.
        List<ChunkHit> hits = archive.weightedLexicalSearch(
                List.of(new WeightedTerm("مع بنتنياهو", 1.0), new WeightedTerm("نتنياهو", 0.5)),
                "ar",
                10,
                SearchFilter.none());

        assertThat(hits).extracting(hit -> hit.article().id()).containsOnly("putin");
        assertThat(hits).hasSize(2);
        assertThat(archive.weightedLexicalSearch(
                        List.of(new WeightedTerm("roads flooding", 1.0)),
                        "en",
                        10,
                        new SearchFilter(null, null, null, Set.of("ar"))))
                .isEmpty();
    }

    @Test
    void weightedLexicalSearchOfNothingSearchableFindsNothing() {
        putEnglish();

        assertThat(archive.weightedLexicalSearch(List.<WeightedTerm>of(), "en", 10, SearchFilter.none()))
                .isEmpty();
        assertThat(archive.weightedLexicalSearch(
                        List.of(new WeightedTerm("the of", 1.0), new WeightedTerm("\"(*&^%$ OR ' : !", 2.0)),
                        "en",
                        10,
                        SearchFilter.none()))
                .isEmpty();
        assertThat(archive.weightedLexicalSearch(List.of(new WeightedTerm("mayor", 1.0)), "en", 0, SearchFilter.none()))
                .isEmpty();
        assertThatThrownBy(() -> new WeightedTerm("mayor", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeightedTerm("mayor", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void articleLexicalSearchScoresWholeArticlesWhoseWordsAreSpreadOverChunks() {
        String first = "The mayor spoke about the town budget.";
        String second = "Later the harbour festival began.";
        archive.put(
                article(
                        "spread",
                        "Town day",
                        "en",
                        "wire-a",
                        OffsetDateTime.parse("2025-08-02T10:00:00Z"),
                        first + " " + second),
                List.of(
                        new Chunk("spread", 0, first, vec(1, 0, 0, 0)),
                        new Chunk("spread", 1, second, vec(0, 1, 0, 0))));
        String festival = "The harbour festival opened with boats and music.";
        archive.put(
                article("undated", "Boats and music", "en", "wire-b", null, festival),
                List.of(new Chunk("undated", 0, festival, vec(0, 0, 1, 0))));
        putEnglish();

        // "spread" holds all three words, no chunk of it more than two; "undated" two, "floods" one
        // (no title holds any of them).
        List<ArticleHit> hits = archive.articleLexicalSearch(
                List.of(new WeightedTerm("mayor harbour festival", 1.0)), "en", 10, SearchFilter.none());

        assertThat(hits).extracting(ArticleHit::articleId).containsExactly("spread", "undated", "floods");
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        assertThat(archive.articleLexicalSearch(
                        List.of(new WeightedTerm("harbour", 3.0), new WeightedTerm("mayor", 0.2)),
                        "en",
                        10,
                        SearchFilter.none()))
                .extracting(ArticleHit::articleId)
                .containsSubsequence("undated", "floods");
        assertThat(archive.articleLexicalSearch(
                        List.of(new WeightedTerm("harbour", 0.2), new WeightedTerm("mayor", 3.0)),
                        "en",
                        10,
                        SearchFilter.none()))
                .extracting(ArticleHit::articleId)
                .containsSubsequence("floods", "undated");
    }

    private void putAsOneChunk(Article article, float[] vector) {
        archive.put(article, List.of(new Chunk(article.id(), 0, article.body(), vector)));
    }

    @Test
    void articleLexicalSearchScoresTheTitleAsWellAsTheBody() {
        // The same body twice; only one title names the story. A news title is in the article's
        // language and names what it is about, so it counts next to the body.
        String body = "قالت السلطات إن الطائرة هبطت في المطار بعد ساعات من الانتظار.";
        putAsOneChunk(article("named", "هبوط الطائرة في مطار عدن", "ar", "wire-a", null, body), vec(1, 0, 0, 0));
        putAsOneChunk(article("unnamed", "أخبار اليوم", "ar", "wire-b", null, body), vec(0, 1, 0, 0));
        putAsOneChunk(
                article(
                        "title-only",
                        "عدن تستقبل زوار المعرض",
                        "ar",
                        "wire-b",
                        null,
                        "افتتح المعرض أبوابه للزوار صباح اليوم."),
                vec(0, 0, 1, 0));
        putAsOneChunk(article("untitled", "", "ar", "wire-a", null, "وصل الوفد إلى عدن مساء أمس."), vec(0, 0, 0, 1));

        List<ArticleHit> plane =
                archive.articleLexicalSearch(List.of(new WeightedTerm("الطائرة", 1.0)), "ar", 10, SearchFilter.none());
        assertThat(plane).extracting(ArticleHit::articleId).startsWith("named");
        assertThat(plane.get(0).score())
                .isGreaterThan(plane.stream()
                        .filter(hit -> hit.articleId().equals("unnamed"))
                        .findFirst()
                        .orElseThrow()
                        .score());
        // A word only the title holds finds the article; the filter applies to such a match too.
        assertThat(archive.articleLexicalSearch(List.of(new WeightedTerm("عدن", 1.0)), "ar", 10, SearchFilter.none()))
                .extracting(ArticleHit::articleId)
                .containsExactlyInAnyOrder("named", "title-only", "untitled");
        assertThat(archive.articleLexicalSearch(
                        List.of(new WeightedTerm("عدن", 1.0)),
                        "ar",
                        10,
                        new SearchFilter(null, null, Set.of("wire-b"), null)))
                .extracting(ArticleHit::articleId)
                .containsExactly("title-only");
        // Titles of one language are not searched in another's analysis.
        assertThat(archive.articleLexicalSearch(List.of(new WeightedTerm("عدن", 1.0)), "en", 10, SearchFilter.none()))
                .isEmpty();
    }

    @Test
    void weightedSearchesKeepToTheChunksOfTheirTermsLanguage() {
        // A translation into English must not find an Arabic article by its numbers and Latin names:
        // the question's own words already rank it, and would count twice.
        String text = "وقعت الشركة الاتفاق في 2025 مع Tesla.";
        archive.put(
                article("deal", "اتفاق", "ar", "wire-a", null, text),
                List.of(new Chunk("deal", 0, text, vec(1, 0, 0, 0))));
        List<WeightedTerm> numberAndName = List.of(new WeightedTerm("2025 Tesla", 1.0));

        assertThat(archive.weightedLexicalSearch(numberAndName, "en", 10, SearchFilter.none()))
                .isEmpty();
        assertThat(archive.articleLexicalSearch(numberAndName, "en", 10, SearchFilter.none()))
                .isEmpty();
        assertThat(archive.weightedLexicalSearch(numberAndName, "ar", 10, SearchFilter.none()))
                .extracting(ChunkHit::key)
                .containsExactly("deal#0");
        assertThat(archive.articleLexicalSearch(numberAndName, "ar", 10, SearchFilter.none()))
                .extracting(ArticleHit::articleId)
                .containsExactly("deal");
    }

    @Test
    void articleLexicalSearchKeepsToTheFilterAndFindsNothingInNothingSearchable() {
        putSeedLike();
        putEnglish();
        putUndated();
        List<WeightedTerm> words = List.of(new WeightedTerm("mayor harbour", 1.0));

        assertThat(archive.articleLexicalSearch(
                        words,
                        "en",
                        10,
                        new SearchFilter(OffsetDateTime.parse("2024-01-01T00:00:00Z"), null, null, null)))
                .extracting(ArticleHit::articleId)
                .containsExactly("floods");
        assertThat(archive.articleLexicalSearch(words, "en", 10, new SearchFilter(null, null, Set.of("wire-a"), null)))
                .isEmpty();
        assertThat(archive.articleLexicalSearch(words, "en", 1, SearchFilter.none()))
                .hasSize(1);
        assertThat(archive.articleLexicalSearch(List.of(new WeightedTerm("بوتين", 1.0)), "ar", 10, SearchFilter.none()))
                .extracting(ArticleHit::articleId)
                .containsExactly("putin");
        assertThat(archive.articleLexicalSearch(List.<WeightedTerm>of(), "en", 10, SearchFilter.none()))
                .isEmpty();
        assertThat(archive.articleLexicalSearch(
                        List.of(new WeightedTerm("the of", 1.0), new WeightedTerm("\"(*&^%$ OR ' : !", 2.0)),
                        "en",
                        10,
                        SearchFilter.none()))
                .isEmpty();
        assertThat(archive.articleLexicalSearch(words, "en", 0, SearchFilter.none()))
                .isEmpty();
    }

    @Test
    void filtersByLanguageSourceAndDateInBothRankers() {
        putSeedLike();
        putEnglish();
        putUndated();

        SearchFilter english = new SearchFilter(null, null, null, Set.of("en"));
        assertThat(archive.denseSearch(vec(1, 0, 0, 0), 10, english))
                .extracting(hit -> hit.article().id())
                .containsOnly("floods", "undated");

        SearchFilter wireA = new SearchFilter(null, null, Set.of("wire-a"), null);
        assertThat(archive.denseSearch(vec(0, 1, 0, 0), 10, wireA))
                .extracting(hit -> hit.article().id())
                .containsOnly("putin");

        // from is inclusive, to is exclusive, undated articles never match a date bound
        SearchFilter summer2025 = new SearchFilter(
                OffsetDateTime.parse("2025-08-02T11:30:00Z"), OffsetDateTime.parse("2025-09-01T00:00:00Z"), null, null);
        assertThat(archive.denseSearch(vec(0, 0, 1, 0), 10, summer2025))
                .extracting(hit -> hit.article().id())
                .containsOnly("putin");
        SearchFilter endsAtPublication =
                new SearchFilter(null, OffsetDateTime.parse("2025-08-02T11:30:00Z"), null, null);
        assertThat(archive.denseSearch(vec(1, 0, 0, 0), 10, endsAtPublication))
                .extracting(hit -> hit.article().id())
                .containsOnly("floods");

        assertThat(archive.lexicalSearch("festival harbour flooded", "en", 10, english))
                .extracting(hit -> hit.article().id())
                .containsOnly("floods", "undated");
        assertThat(archive.lexicalSearch(
                        "festival harbour flooded",
                        "en",
                        10,
                        new SearchFilter(OffsetDateTime.parse("2024-01-01T00:00:00Z"), null, null, null)))
                .extracting(hit -> hit.article().id())
                .containsOnly("floods");
    }

    /** Stores articles one after another, far enough apart that their storage times differ. */
    private void putInOrder(Runnable... puts) throws InterruptedException {
        for (Runnable put : puts) {
            put.run();
            Thread.sleep(5);
        }
    }

    @Test
    void listsArticlesMostRecentlyStoredFirstInPages() throws InterruptedException {
        putInOrder(this::putSeedLike, this::putEnglish, this::putUndated);

        List<ArticleSummary> all = archive.listArticles(0, 10);

        assertThat(all).extracting(ArticleSummary::id).containsExactly("undated", "floods", "putin");
        assertThat(all).allSatisfy(summary -> assertThat(summary.ingestedAt()).isNotNull());
        assertThat(all.get(0).ingestedAt()).isAfterOrEqualTo(all.get(1).ingestedAt());
        assertThat(all.get(1).ingestedAt()).isAfterOrEqualTo(all.get(2).ingestedAt());
        Article putin = archive.findArticle("putin").orElseThrow();
        assertThat(all.get(2)).isEqualTo(ArticleSummary.of(putin, all.get(2).ingestedAt()));
        assertThat(archive.listArticles(1, 1)).extracting(ArticleSummary::id).containsExactly("floods");
        assertThat(archive.listArticles(2, 5)).extracting(ArticleSummary::id).containsExactly("putin");
        assertThat(archive.listArticles(3, 5)).isEmpty();
        assertThat(archive.listArticles(0, 0)).isEmpty();
    }

    @Test
    void aReplacedArticleMovesToTheFrontOfTheList() throws InterruptedException {
        putInOrder(this::putSeedLike, this::putEnglish, this::putSeedLike);

        assertThat(archive.listArticles(0, 10)).extracting(ArticleSummary::id).containsExactly("putin", "floods");
    }

    @Test
    void listingRejectsANegativeOffsetOrLimit() {
        assertThatThrownBy(() -> archive.listArticles(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> archive.listArticles(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsArticlesPerLanguageAndSource() {
        assertThat(archive.facets()).isEqualTo(new ArchiveFacets(Map.of(), Map.of()));
        putSeedLike();
        putEnglish();
        putUndated();
        archive.put(
                article("nosource", "No source given", "en", null, null, "Text without a source."),
                List.of(new Chunk("nosource", 0, "Text without a source.", vec(0, 0, 0, 1))));

        assertThat(archive.facets())
                .isEqualTo(new ArchiveFacets(Map.of("ar", 1L, "en", 3L), Map.of("wire-a", 1L, "wire-b", 2L)));

        archive.delete("floods");
        archive.delete("putin");
        assertThat(archive.facets()).isEqualTo(new ArchiveFacets(Map.of("en", 2L), Map.of("wire-b", 1L)));
    }

    @Test
    void keepsItsDataAcrossARestart() {
        Article putin = putSeedLike();
        archive.close();

        archive = reopen(MODEL, DIM);

        assertThat(archive.findArticle("putin")).contains(putin);
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 2));
        assertThat(archive.denseSearch(vec(1, 0, 0, 0), 1, SearchFilter.none()))
                .extracting(ChunkHit::key)
                .containsExactly("putin#0");
    }

    @Test
    void refusesToMixVectorsOfAnotherEmbeddingModel() {
        putSeedLike();
        archive.close();
        archive = null;

        assertThatThrownBy(() -> reopen("another-model", DIM))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MODEL)
                .hasMessageContaining("another-model");
    }

    /** The article, chunk texts, ordinals and vectors as stored, for comparing exports. */
    static String describe(StoredArticle stored) {
        StringBuilder text = new StringBuilder(stored.article().toString());
        for (Chunk chunk : stored.chunks()) {
            text.append(" | ")
                    .append(chunk.ordinal())
                    .append(' ')
                    .append(chunk.text())
                    .append(' ')
                    .append(java.util.Arrays.toString(chunk.embedding()));
        }
        return text.toString();
    }

    static List<StoredArticle> exported(ArchiveIndex from) {
        List<StoredArticle> all = new java.util.ArrayList<>();
        from.forEachArticle(all::add);
        all.sort(java.util.Comparator.comparing(stored -> stored.article().id()));
        return all;
    }

    @Test
    void forEachArticleGivesBackEveryArticleWithItsChunksAndVectorsAsTheyNowAre() {
        Article putin = putSeedLike();
        Article floods = putEnglish();
        putUndated();
        archive.put(floods, List.of(new Chunk("floods", 0, "Replaced text.", vec(0, 0.5f, 0.5f, 0))));
        archive.delete("undated");

        List<StoredArticle> all = exported(archive);

        assertThat(all).extracting(StoredArticle::article).containsExactly(floods, putin);
        assertThat(all.get(0).chunks()).singleElement().satisfies(chunk -> {
            assertThat(chunk.text()).isEqualTo("Replaced text.");
            assertThat(chunk.embedding()).containsExactly(0, 0.5f, 0.5f, 0);
        });
        assertThat(all.get(1).chunks()).extracting(Chunk::ordinal).containsExactly(0, 1);
        assertThat(all.get(1).chunks().get(1).embedding()).containsExactly(0.9f, 0.1f, 0, 0);
    }

    @Test
    void putAllStoresEachArticleAsPutDoesAndNeverStoresABadArticle() {
        Article putin = putSeedLike();
        List<StoredArticle> before = exported(archive);
        archive.delete("putin");
        Article floods = article("floods", "River floods close the coastal road", "en", "wire-b", null, "Flood.");

        archive.putAll(List.of(
                before.get(0), new StoredArticle(floods, List.of(new Chunk("floods", 0, "Flood.", vec(0, 1, 0, 0))))));

        assertThat(archive.stats()).isEqualTo(new ArchiveStats(2, 3));
        assertThat(exported(archive)).extracting(ArchiveContractTest::describe).contains(describe(before.get(0)));
        assertThat(archive.findArticle("putin")).contains(putin);
        StoredArticle wrongDimension = new StoredArticle(
                article("bad", "Bad", "en", null, null, "Bad."), List.of(new Chunk("bad", 0, "Bad.", vec(1, 0))));
        StoredArticle fine = new StoredArticle(
                article("fine", "Fine", "en", null, null, "Fine."),
                List.of(new Chunk("fine", 0, "Fine.", vec(0, 0, 0, 1))));
        assertThatThrownBy(() -> archive.putAll(List.of(fine, wrongDimension)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(archive.findArticle("bad")).isEmpty();
    }

    @Test
    void denseSearchTakesAnExplicitCandidateListAndRefusesAnEmptyOne() {
        putSeedLike();
        putEnglish();

        assertThat(archive.denseSearch(vec(1, 0, 0, 0), 1, SearchFilter.none(), 1))
                .singleElement()
                .satisfies(hit -> assertThat(hit.key()).isEqualTo("putin#0"));
        assertThat(archive.denseSearch(vec(0, 1, 0, 0), 3, SearchFilter.none(), 500))
                .extracting(ChunkHit::key)
                .containsExactly("floods#0", "putin#1", "putin#0");
        assertThatThrownBy(() -> archive.denseSearch(vec(1, 0, 0, 0), 1, SearchFilter.none(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ef-search");
    }
}
