package io.newsqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoldRankTest {

    private static RetrievalMethod.Ranking ranking(boolean truncated, Object... idsAndScores) {
        List<RankedArticle> articles = new java.util.ArrayList<>();
        for (int i = 0; i < idsAndScores.length; i += 2) {
            articles.add(new RankedArticle((String) idsAndScores[i], (Double) idsAndScores[i + 1]));
        }
        return new RetrievalMethod.Ranking(articles, truncated);
    }

    @Test
    void countsTheArticlesScoringHigher() {
        assertThat(GoldRank.of(ranking(false, "a", 3.0, "gold", 2.0, "c", 1.0), "gold"))
                .isEqualTo(2);
        assertThat(GoldRank.of(ranking(false, "gold", 3.0, "c", 1.0), "gold")).isEqualTo(1);
    }

    @Test
    void tiesCountAgainstTheGoldArticleWhicheverOrderTheyWereListedIn() {
        assertThat(GoldRank.of(ranking(false, "gold", 2.0, "b", 2.0, "c", 2.0, "d", 1.0), "gold"))
                .isEqualTo(3);
    }

    @Test
    void aGoldArticleTiedWithTheLastOfACutListIsNotFound() {
        assertThat(GoldRank.of(ranking(true, "a", 3.0, "gold", 2.0, "b", 2.0), "gold"))
                .isEqualTo(GoldRank.NOT_FOUND);
        assertThat(GoldRank.of(ranking(false, "a", 3.0, "gold", 2.0, "b", 2.0), "gold"))
                .isEqualTo(3);
    }

    @Test
    void aMissingGoldArticleIsNotFound() {
        assertThat(GoldRank.of(ranking(false, "a", 3.0), "gold")).isEqualTo(GoldRank.NOT_FOUND);
    }
}
