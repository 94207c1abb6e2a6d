package io.newsqa.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.answer.AnswerProperties;
import io.newsqa.retrieve.RetrievalProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Each feature binds its own part of {@code newsqa.*}: the names users set (and the environment
 * variables made from them) reach the feature's settings, and unset ones keep their defaults.
 */
class SettingsBindingTest {

    @EnableConfigurationProperties({NewsQaProperties.class, RetrievalProperties.class, AnswerProperties.class})
    static class Settings {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void eachFeatureReadsItsOwnSettings() {
        context.withPropertyValues(
                        "newsqa.db.schema=news",
                        "newsqa.chunk-tokens=150",
                        "newsqa.retrieval.passages=9",
                        "newsqa.retrieval.time.now=latest-article",
                        "newsqa.retrieval.weights.ar.lexical=1",
                        "newsqa.answer.min-score.ar=0.4",
                        "newsqa.answer.max-sentences=2")
                .run(beans -> {
                    NewsQaProperties shared = beans.getBean(NewsQaProperties.class);
                    RetrievalProperties retrieval = beans.getBean(RetrievalProperties.class);
                    AnswerProperties answer = beans.getBean(AnswerProperties.class);

                    assertThat(shared.db().schema()).isEqualTo("news");
                    assertThat(shared.chunkTokens()).isEqualTo(150);
                    assertThat(retrieval.passages()).isEqualTo(9);
                    assertThat(retrieval.time().now()).isEqualTo("latest-article");
                    assertThat(retrieval.weights()).containsEntry("ar", new RetrievalProperties.Weights(0, 1));
                    assertThat(answer.minScore()).containsEntry("ar", 0.4);
                    assertThat(answer.maxSentences()).isEqualTo(2);
                });
    }

    @Test
    void unsetSettingsKeepTheirDefaults() {
        context.run(beans -> {
            assertThat(beans.getBean(RetrievalProperties.class).passages()).isEqualTo(6);
            assertThat(beans.getBean(RetrievalProperties.class).time().enabled())
                    .isTrue();
            assertThat(beans.getBean(AnswerProperties.class).maxCharacters()).isEqualTo(700);
            assertThat(beans.getBean(NewsQaProperties.class).db().configured()).isFalse();
        });
    }
}
