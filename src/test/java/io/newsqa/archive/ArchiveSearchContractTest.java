package io.newsqa.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.newsqa.support.EachBackend;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How every archive searches ({@link ArchiveSearch}): dense, lexical, weighted and whole-article
 * rankings, filters, vocabulary, the newest date.
 */
class ArchiveSearchContractTest extends ArchiveContract {

    @EachBackend
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

    /** Hits carry the article as stored now, also after searches read (and may have kept) the old version. */
    @EachBackend
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
    @EachBackend
    void bodiesAreReadByIdForStoredArticlesOnly() {
        Article first = article("tram", "Tram opens in June", "en", "wire-a", null, "The tram line opens soon.");
        archive.put(first, List.of(new Chunk("tram", 0, "The tram line opens soon.", vec(1, 0, 0, 0))));
        Article putin = putSeedLike();
        assertThat(archive.bodies(List.of("tram", "putin", "missing")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("tram", first.body(), "putin", putin.body()));
        // Read again (an archive may keep what it read): the same, and nothing for what is missing.
        assertThat(archive.bodies(List.of("putin", "missing", "tram")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("tram", first.body(), "putin", putin.body()));

        Article corrected = article("tram", "Tram opens in June", "en", "wire-a", null, "The tram line opens in July.");
        archive.put(corrected, List.of(new Chunk("tram", 0, "The tram line opens in July.", vec(1, 0, 0, 0))));
        archive.delete("putin");

        assertThat(archive.bodies(List.of("tram", "putin"))).containsExactlyEntriesOf(Map.of("tram", corrected.body()));
        assertThat(archive.bodies(List.of())).isEmpty();
    }

    @EachBackend
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

    @EachBackend
    void lexicalSearchNormalisesAndStemsArabic() {
        putSeedLike();
        putEnglish();

        // "بنتنياهو" carries the proclitic ب, the text has "ونتنياهو" and "نتنياهو".
        List<ChunkHit> hits = archive.lexicalSearch("لماذا اتصل بوتين بنتنياهو مرتين؟", "ar", 10, SearchFilter.none());

        assertThat(hits).isNotEmpty();
        assertThat(hits).extracting(hit -> hit.article().id()).containsOnly("putin");
        assertThat(hits.get(0).score()).isPositive();
    }

    @EachBackend
    void lexicalSearchStemsEnglish() {
        putSeedLike();
        putEnglish();

        List<ChunkHit> hits = archive.lexicalSearch("Why were the roads flooding?", "en", 10, SearchFilter.none());

        assertThat(hits).extracting(ChunkHit::key).containsExactly("floods#0");
    }

    @EachBackend
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

    @EachBackend
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

    @EachBackend
    void lexicalSearchOfOnlyStopWordsFindsNothingRatherThanFailing() {
        putEnglish();

        assertThat(archive.lexicalSearch("the of and", "en", 10, SearchFilter.none()))
                .isEmpty();
        assertThat(archive.lexicalSearch("", "en", 10, SearchFilter.none())).isEmpty();
        assertThat(archive.lexicalSearch("\"(*&^%$ OR AND: NOT [", "en", 10, SearchFilter.none()))
                .isEmpty();
    }

    @EachBackend
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

    @EachBackend
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

    @EachBackend
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

    @EachBackend
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

    @EachBackend
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

    @EachBackend
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

    @EachBackend
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

    @EachBackend
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

    @EachBackend
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

    @EachBackend
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
