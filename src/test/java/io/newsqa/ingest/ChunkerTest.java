package io.newsqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import io.newsqa.archive.Article;
import io.newsqa.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static final HuggingFaceTokenCountEstimator TOKENS = new HuggingFaceTokenCountEstimator();

    @Test
    void keepsEveryChunkWithinTheTokenBudgetAndEverySentenceWhole() {
        String body = "The council met on Monday. ".repeat(40) + "\n\nThe tram opens on 3 June.";
        List<String> chunks = chunks(new Chunker(TOKENS, 50), body);

        assertThat(chunks).hasSizeGreaterThan(3);
        assertThat(chunks)
                .allSatisfy(chunk ->
                        assertThat(TOKENS.estimateTokenCountInText(chunk)).isLessThanOrEqualTo(50));
        assertThat(chunks.get(chunks.size() - 1)).endsWith("The tram opens on 3 June.");
    }

    @Test
    void consecutiveChunksShareTheirBoundarySentence() {
        String body =
                "First sentence is here. Second sentence is here. Third sentence is here. Fourth sentence is here.";
        List<String> chunks = chunks(new Chunker(TOKENS, 16), body);

        assertThat(chunks).hasSizeGreaterThan(1);
        List<String> first = SentenceSplitter.split(chunks.get(0));
        List<String> second = SentenceSplitter.split(chunks.get(1));
        assertThat(second.get(0)).isEqualTo(first.get(first.size() - 1));
    }

    @Test
    void aHeadingWithoutFullStopStaysItsOwnSentenceInsideAChunk() {
        String body =
                "أعلن الكرملين أن بوتين اتصل بنتنياهو.\n\nما دلالات الاتصال الهاتفي\n\nتشير تحركات الكرملين الأخيرة إلى محاولات.";
        List<String> chunks = chunks(new Chunker(TOKENS, 200), body);

        assertThat(chunks).hasSize(1);
        assertThat(SentenceSplitter.split(chunks.get(0)))
                .containsExactly(
                        "أعلن الكرملين أن بوتين اتصل بنتنياهو.",
                        "ما دلالات الاتصال الهاتفي",
                        "تشير تحركات الكرملين الأخيرة إلى محاولات.");
    }

    @Test
    void cutsASentenceLongerThanTheBudget() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            words.add("word" + i);
        }
        List<String> chunks = chunks(new Chunker(TOKENS, 40), String.join(" ", words) + ".");

        assertThat(chunks)
                .allSatisfy(chunk ->
                        assertThat(TOKENS.estimateTokenCountInText(chunk)).isLessThanOrEqualTo(40));
        assertThat(String.join(" ", chunks)).contains("word0", "word299");
    }

    @Test
    void cutsALongArabicClauseWithoutPunctuationIntoRunsWithinBudgetKeepingEveryWordInOrder() {
        // SaudiNewsNet bodies often run for hundreds of words without a full stop or comma.
        String clause = ("وأكد وزير الخارجية خلال المؤتمر الصحفي المشترك في الرياض أن المملكة تدعم جهود الأمم المتحدة "
                        + "للوصول إلى حل سياسي للأزمة اليمنية وفق المبادرة الخليجية وآلياتها التنفيذية ومخرجات الحوار الوطني ")
                .repeat(12);
        List<String> chunks = chunks(new Chunker(TOKENS, 64), clause.trim());

        assertThat(chunks).hasSizeGreaterThan(10);
        assertThat(chunks)
                .allSatisfy(chunk ->
                        assertThat(TOKENS.estimateTokenCountInText(chunk)).isLessThanOrEqualTo(64));
        // Runs of words do not overlap (only whole sentences do), so the chunks are the clause cut in order.
        assertThat(String.join(" ", chunks)).isEqualTo(clause.trim());
        assertThat(chunks.get(0).split(" ").length)
                .as("runs are filled up to the budget, not cut short")
                .isGreaterThan(10);
    }

    @Test
    void aTextCountsAsTheSumOfItsWordsWhichIsWhatTheChunkerAddsUp() {
        for (String text : List.of(
                "أعلن الكرملين، اليوم الاثنين، أن بوتين اتصل بنتنياهو (هاتفياً) لبحث «الوضع» في سوريا؛ وقال: لا تعليق؟",
                "The U.S. council's vote (12-3) on the $4.5bn tram: \"approved\" — finally! Read more at example.com/a?b=1",
                "الرياض 24 يوليو 2015م\nأكد سموه أن المملكة ماضية في دعمها")) {
            int sum = 0;
            for (String word : text.split("\\s+")) {
                sum += TOKENS.estimateTokenCountInText(word);
            }
            assertThat(sum).as(text).isEqualTo(TOKENS.estimateTokenCountInText(text));
        }
    }

    /** The body's chunks under an empty context: the whole budget goes to the chunks. */
    private static List<String> chunks(Chunker chunker, String body) {
        return chunker.chunk(new Article("a", null, "", "test", null, "en", "h", body))
                .chunks();
    }

    @Test
    void refusesATinyBudget() {
        assertThatThrownBy(() -> new Chunker(TOKENS, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
