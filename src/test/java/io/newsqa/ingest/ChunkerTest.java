package io.newsqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import io.newsqa.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static final HuggingFaceTokenCountEstimator TOKENS = new HuggingFaceTokenCountEstimator();

    @Test
    void keepsEveryChunkWithinTheTokenBudgetAndEverySentenceWhole() {
        String body = "The council met on Monday. ".repeat(40) + "\n\nThe tram opens on 3 June.";
        List<String> chunks = new Chunker(TOKENS, 50).chunk(body);

        assertThat(chunks).hasSizeGreaterThan(3);
        assertThat(chunks).allSatisfy(chunk -> assertThat(TOKENS.estimateTokenCountInText(chunk)).isLessThanOrEqualTo(50));
        assertThat(chunks.get(chunks.size() - 1)).endsWith("The tram opens on 3 June.");
    }

    @Test
    void consecutiveChunksShareTheirBoundarySentence() {
        String body = "First sentence is here. Second sentence is here. Third sentence is here. Fourth sentence is here.";
        List<String> chunks = new Chunker(TOKENS, 16).chunk(body);

        assertThat(chunks).hasSizeGreaterThan(1);
        List<String> first = SentenceSplitter.split(chunks.get(0));
        List<String> second = SentenceSplitter.split(chunks.get(1));
        assertThat(second.get(0)).isEqualTo(first.get(first.size() - 1));
    }

    @Test
    void aHeadingWithoutFullStopStaysItsOwnSentenceInsideAChunk() {
        String body = "أعلن الكرملين أن بوتين اتصل بنتنياهو.\n\nما دلالات الاتصال الهاتفي\n\nتشير تحركات الكرملين الأخيرة إلى محاولات.";
        List<String> chunks = new Chunker(TOKENS, 200).chunk(body);

        assertThat(chunks).hasSize(1);
        assertThat(SentenceSplitter.split(chunks.get(0))).containsExactly(
                "أعلن الكرملين أن بوتين اتصل بنتنياهو.", "ما دلالات الاتصال الهاتفي", "تشير تحركات الكرملين الأخيرة إلى محاولات.");
    }

    @Test
    void cutsASentenceLongerThanTheBudget() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            words.add("word" + i);
        }
        List<String> chunks = new Chunker(TOKENS, 40).chunk(String.join(" ", words) + ".");

        assertThat(chunks).allSatisfy(chunk -> assertThat(TOKENS.estimateTokenCountInText(chunk)).isLessThanOrEqualTo(40));
        assertThat(String.join(" ", chunks)).contains("word0", "word299");
    }

    @Test
    void refusesATinyBudget() {
        assertThatThrownBy(() -> new Chunker(TOKENS, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
