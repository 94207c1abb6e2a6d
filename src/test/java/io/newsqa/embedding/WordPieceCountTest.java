package io.newsqa.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPieceCountTest {

    private final WordPieceCount count = new WordPieceCount();
    private final HuggingFaceTokenCountEstimator estimator = new HuggingFaceTokenCountEstimator();

    @Test
    void countsAsLangChain4jsEstimatorDoes() {
        List<String> texts = List.of(
                "",
                "أعلن الكرملين، اليوم الاثنين، أن بوتين اتصل بنتنياهو (هاتفياً) لبحث «الوضع» في سوريا؛ وقال: لا تعليق؟",
                "The U.S. council's vote (12-3) on the $4.5bn tram: \"approved\" — finally! Read more at example.com/a?b=1",
                "Ünïcödé café naïve 東京 🚋\n\tmixed  spacing",
                // Longer than the tokenizer file's own truncation length (128): nothing may be cut off.
                "وأكد وزير الخارجية خلال المؤتمر الصحفي المشترك في الرياض أن المملكة تدعم جهود الأمم المتحدة "
                        .repeat(20));
        for (String text : texts) {
            assertThat(count.estimateTokenCountInText(text))
                    .as(text)
                    .isEqualTo(estimator.estimateTokenCountInText(text));
        }
        assertThat(count.estimateTokenCountInText(texts.get(4))).isGreaterThan(1000);
    }

    @Test
    void countsMessagesThroughItsTextCount() {
        assertThat(count.estimateTokenCountInMessage(UserMessage.from("ما دلالات الاتصال الهاتفي")))
                .isEqualTo(estimator.estimateTokenCountInMessage(UserMessage.from("ما دلالات الاتصال الهاتفي")));
        assertThat(count.estimateTokenCountInMessages(
                        List.of(UserMessage.from("Who called?"), AiMessage.from("Putin did."))))
                .isEqualTo(estimator.estimateTokenCountInMessages(
                        List.of(UserMessage.from("Who called?"), AiMessage.from("Putin did."))));
    }

    @Test
    void aModelsOwnTokenizerFileCountsWithIt(@TempDir Path folder) throws IOException {
        Path json = folder.resolve("tokenizer.json");
        try (InputStream in = BuiltInModel.E5_SMALL_V2_Q.open("-tokenizer.json")) {
            Files.copy(in, json);
        }
        String text = "The U.S. council's vote (12-3) on the $4.5bn tram: approved — أعلن الكرملين";
        assertThat(new WordPieceCount(json).estimateTokenCountInText(text))
                .isEqualTo(new HuggingFaceTokenCountEstimator(json).estimateTokenCountInText(text))
                .isGreaterThan(10);
    }
}
