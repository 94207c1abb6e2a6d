package io.newsqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsqa.archive.Article;
import io.newsqa.archive.ArticleHit;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.LexicalRanking;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.retrieve.time.RecencyPrior;
import io.newsqa.translate.CrossLingualRanking;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridSearchFusionTest {

    private final HybridSearch search = new HybridSearch(null, null, HybridSearch.Settings.of(language -> null, 2));

    /** Scores fall along each list, so every hit has a rank of its own. */
    private static List<ChunkHit> ranking(String... keys) {
        return rankingIn("en", keys);
    }

    private static List<ChunkHit> rankingIn(String language, String... keys) {
        List<ChunkHit> hits = new java.util.ArrayList<>();
        for (String key : keys) {
            String[] parts = key.split("#");
            Article a = new Article(parts[0], null, parts[0], null, null, language, "h" + parts[0], "body");
            hits.add(new ChunkHit(a, Integer.parseInt(parts[1]), key, 1.0 / (hits.size() + 1)));
        }
        return hits;
    }

    @Test
    void aChunkFoundByBothRankersBeatsOneFoundByOne() {
        List<ChunkHit> dense = ranking("a#0", "b#0");
        List<ChunkHit> lexical = ranking("c#0", "b#0");

        List<RetrievedPassage> fused = search.fuse(dense, lexical, new FusionWeights(1, 1, 60), 10);

        assertThat(fused).extracting(p -> p.hit().key()).containsExactly("b#0", "a#0", "c#0");
        assertThat(fused.get(0).denseRank()).isEqualTo(2);
        assertThat(fused.get(0).lexicalRank()).isEqualTo(2);
        assertThat(fused.get(1).lexicalRank()).isZero();
    }

    @Test
    void weightsDecideBetweenTheRankers() {
        List<ChunkHit> dense = ranking("a#0");
        List<ChunkHit> lexical = ranking("c#0");

        assertThat(search.fuse(dense, lexical, new FusionWeights(0.2, 1, 60), 10))
                .extracting(p -> p.hit().key())
                .containsExactly("c#0", "a#0");
        assertThat(search.fuse(dense, lexical, new FusionWeights(1, 0.2, 60), 10))
                .extracting(p -> p.hit().key())
                .containsExactly("a#0", "c#0");
    }

    @Test
    void theArticleRankingRanksTheCandidatesAndTheChunkRankingOrdersAnArticlesPassages() {
        // b's words are spread over two chunks: each ranks below a's one chunk, b ranks first as an article.
        List<ChunkHit> chunks = ranking("a#0", "b#1", "b#0");
        List<ArticleHit> articles = List.of(new ArticleHit("b", 2.0), new ArticleHit("a", 1.0));

        List<RetrievedPassage> fused = search.fuse(
                List.of(),
                new LexicalRanking(chunks, articles),
                List.of(),
                new FusionWeights(0, 1, 60),
                RecencyPrior.NONE,
                "en",
                10);

        assertThat(fused).extracting(p -> p.hit().key()).containsExactly("b#1", "b#0", "a#0");
        assertThat(fused).extracting(RetrievedPassage::lexicalRank).containsExactly(2, 3, 1);
        assertThat(search.fuse(List.of(), chunks, new FusionWeights(0, 1, 60), 10))
                .extracting(p -> p.hit().key())
                .containsExactly("a#0", "b#1", "b#0");
    }

    /** Forty chunk keys: {@code first}, 38 chunks of other articles, {@code last}. */
    private static String[] fortyChunks(String first, String last) {
        String[] keys = new String[40];
        keys[0] = first;
        for (int i = 1; i < 39; i++) {
            keys[i] = "x" + i + "#0";
        }
        keys[39] = last;
        return keys;
    }

    @Test
    void aTranslatedQuestionsArticleRankingOutweighsItsChunkRanking() {
        // b is the translation's first article, its best chunk the 40th; a is its fifth article with
        // the first chunk (the three between have no chunk among the 40). The question's own
        // lexical ranking, at 2:1, puts a first; the translated rankings put b first.
        List<ChunkHit> chunks = rankingIn("ar", fortyChunks("a#0", "b#0"));
        List<ArticleHit> articles = List.of(
                new ArticleHit("b", 5.0),
                new ArticleHit("y1", 4.0),
                new ArticleHit("y2", 3.0),
                new ArticleHit("y3", 2.0),
                new ArticleHit("a", 1.0));
        HybridSearch translating = new HybridSearch(
                null,
                null,
                HybridSearch.Settings.of(language -> null, 1),
                new CrossLingualRanking(null, List.of(), 1.0),
                QuestionTime.off());

        List<RetrievedPassage> translated = translating.fuse(
                List.of(),
                LexicalRanking.ofChunks(List.of()),
                List.of(new LexicalRanking(chunks, articles)),
                new FusionWeights(0, 1, 60),
                RecencyPrior.NONE,
                "en",
                5);
        List<RetrievedPassage> ownLanguage = search.fuse(
                List.of(),
                new LexicalRanking(chunks, articles),
                List.of(),
                new FusionWeights(0, 1, 60),
                RecencyPrior.NONE,
                "ar",
                5);

        assertThat(translated.get(0).hit().key()).isEqualTo("b#0");
        assertThat(ownLanguage.get(0).hit().key()).isEqualTo("a#0");
    }

    @Test
    void theArticlesPassagesComeInTheOrderOfTheirOwnEvidenceNotByTheDenseRankingAlone() {
        // b#1 is the best lexical chunk, b#0 the 40th; the dense ranking (weight 0.3) puts b#0 first.
        // Both share b's article rank: scored with it, b#0 would lead on its dense rank; by the chunks'
        // own evidence (lexical at its full weight) b#1 does.
        List<ChunkHit> lexical = ranking(fortyChunks("b#1", "b#0"));
        List<ArticleHit> articles = List.of(new ArticleHit("b", 2.0));

        List<RetrievedPassage> fused = search.fuse(
                ranking("b#0"),
                new LexicalRanking(lexical, articles),
                List.of(),
                new FusionWeights(0.3, 1, 60),
                RecencyPrior.NONE,
                "en",
                3);

        assertThat(fused).extracting(p -> p.hit().key()).containsExactly("b#1", "b#0", "x1#0");
        assertThat(fused.get(0).fusedScore())
                .isGreaterThanOrEqualTo(fused.get(1).fusedScore());
        assertThat(fused.get(1).denseRank()).isEqualTo(1);
    }

    @Test
    void capsChunksPerArticleAndTheTotal() {
        List<ChunkHit> lexical = ranking("a#0", "a#1", "a#2", "b#0", "c#0");

        assertThat(search.fuse(List.of(), lexical, new FusionWeights(1, 1, 60), 3))
                .extracting(p -> p.hit().key())
                .containsExactly("a#0", "a#1", "b#0");
    }

    @Test
    void chunksARankerScoresEquallyShareTheirRank() {
        Article a = new Article("a", null, "a", null, null, "en", "ha", "body");
        Article b = new Article("b", null, "b", null, null, "en", "hb", "body");
        List<ChunkHit> lexical = List.of(new ChunkHit(a, 0, "a", 2.0), new ChunkHit(b, 0, "b", 2.0));

        List<RetrievedPassage> fused = search.fuse(List.of(), lexical, new FusionWeights(0, 1, 60), 10);

        assertThat(fused).extracting(RetrievedPassage::lexicalRank).containsExactly(1, 1);
        assertThat(fused.get(0).fusedScore()).isEqualTo(fused.get(1).fusedScore());
    }

    @Test
    void anEnglishOnlyDenseRankingDoesNotReorderTheTranslatedRankingOfArabicChunks() {
        CrossLingualRanking translation = new CrossLingualRanking(null, List.of(), 2.0);
        HybridSearch englishOnlyModel = new HybridSearch(
                null, null, HybridSearch.Settings.of(language -> null, 2), translation, QuestionTime.off());
        // The English question's dense ranking: an Arabic chunk the translation ranks second, then an English chunk.
        ChunkHit englishChunk = rankingIn("en", "e#0").get(0);
        List<ChunkHit> dense = List.of(
                rankingIn("ar", "x#0").get(0),
                new ChunkHit(englishChunk.article(), englishChunk.ordinal(), englishChunk.text(), 0.5));
        List<ChunkHit> translated = rankingIn("ar", "y#0", "x#0");
        FusionWeights english = new FusionWeights(0.3, 1, 60);

        List<RetrievedPassage> fused = englishOnlyModel.fuse(
                dense,
                LexicalRanking.ofChunks(List.of()),
                List.of(LexicalRanking.ofChunks(translated)),
                english,
                RecencyPrior.NONE,
                "en",
                10);

        assertThat(fused).extracting(p -> p.hit().key()).containsExactly("y#0", "x#0", "e#0");
        assertThat(fused).extracting(RetrievedPassage::denseRank).containsExactly(0, 0, 2);

        HybridSearch multilingualModel = new HybridSearch(
                null, null, new HybridSearch.Settings(language -> null, 2, 2, true), translation, QuestionTime.off());
        assertThat(multilingualModel.fuse(
                        dense,
                        LexicalRanking.ofChunks(List.of()),
                        List.of(LexicalRanking.ofChunks(translated)),
                        english,
                        RecencyPrior.NONE,
                        "en",
                        10))
                .extracting(p -> p.hit().key())
                .containsExactly("x#0", "y#0", "e#0");
    }

    /**
     * A mixed archive: the Arabic question's own lexical ranking finds the Arabic story, its
     * translation finds the English copy of it and more English chunks than will be returned.
     */
    @Test
    void anArabicQuestionKeepsItsArabicMatchAheadOfTranslatedEnglishOnes() {
        CrossLingualRanking translation = new CrossLingualRanking(null, List.of(), 1.0); // as in application.yml
        HybridSearch search = new HybridSearch(
                null, null, HybridSearch.Settings.of(language -> null, 2), translation, QuestionTime.off());
        List<ChunkHit> lexical = rankingIn("ar", "tram-ar#1", "tram-ar#0");
        List<ChunkHit> translated =
                rankingIn("en", "tram-en#0", "e1#0", "e2#0", "e3#0", "e4#0", "e5#0", "e6#0", "e7#0");
        FusionWeights arabic = new FusionWeights(0, 1, 60);

        List<RetrievedPassage> fused = search.fuse(
                List.of(),
                LexicalRanking.ofChunks(lexical),
                List.of(LexicalRanking.ofChunks(translated)),
                arabic,
                RecencyPrior.NONE,
                "ar",
                4);

        assertThat(fused)
                .extracting(p -> p.hit().key())
                .as("equal ranks tie; the reader's language wins the tie")
                .containsExactly("tram-ar#1", "tram-en#0", "tram-ar#0", "e1#0");
        assertThat(fused.get(0).fusedScore()).isEqualTo(fused.get(1).fusedScore());

        List<ChunkHit> translatedFirst = rankingIn("en", "tram-en#0");
        assertThat(search.fuse(
                        List.of(),
                        LexicalRanking.ofChunks(rankingIn("ar", "tram-ar#1")),
                        List.of(LexicalRanking.ofChunks(translatedFirst)),
                        arabic,
                        RecencyPrior.NONE,
                        "ar",
                        2))
                .as("the tie is broken by language, not by which ranking listed the chunk first")
                .extracting(p -> p.hit().key())
                .containsExactly("tram-ar#1", "tram-en#0");
    }

    @Test
    void withoutATranslationOtherLanguageChunksKeepTheirDenseRank() {
        List<ChunkHit> dense = rankingIn("ar", "x#0", "y#0");

        assertThat(search.fuse(
                        dense,
                        LexicalRanking.ofChunks(List.of()),
                        List.of(),
                        new FusionWeights(0.3, 1, 60),
                        RecencyPrior.NONE,
                        "en",
                        10))
                .extracting(RetrievedPassage::denseRank)
                .containsExactly(1, 2);
    }

    @Test
    void rejectsMeaninglessWeights() {
        assertThatThrownBy(() -> new FusionWeights(0, 0, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FusionWeights(-1, 1, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FusionWeights(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
