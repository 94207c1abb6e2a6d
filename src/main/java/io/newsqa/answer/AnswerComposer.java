package io.newsqa.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the chosen sentences as the extractive answer: stories numbered by their best sentence
 * (one citation per story, naming its newest quoted article: copies of a wire story are cited
 * once); within a story, sentences in reading order, so that the quoted text follows the article's
 * own narrative. A quote in another language than the reader's is framed in the reader's.
 */
final class AnswerComposer {

    private final ForeignQuoteFraming framing;

    AnswerComposer(ForeignQuoteFraming framing) {
        this.framing = framing;
    }

    Answer compose(String question, List<ScoredSentence> chosen, String language) {
        Map<String, List<ScoredSentence>> byStory = new LinkedHashMap<>();
        for (ScoredSentence sentence : chosen) {
            byStory.computeIfAbsent(sentence.source().storyId(), id -> new ArrayList<>())
                    .add(sentence);
        }
        List<Citation> citations = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (List<ScoredSentence> sentences : byStory.values()) {
            sentences.sort(Comparator.comparing((ScoredSentence s) -> s.source().articleId())
                    .thenComparingInt(s -> s.source().chunkOrdinal())
                    .thenComparingInt(ScoredSentence::position));
            int n = citations.size() + 1;
            Source cited = Source.newest(
                    sentences.stream().map(ScoredSentence::source).distinct().toList());
            citations.add(cited.citation(n));
            if (!language.equals(cited.language())) { // a reader of another language is told what the quote is
                text.append(text.isEmpty() ? "" : " ")
                        .append(framing.frame(
                                question,
                                cited,
                                sentences.stream().map(ScoredSentence::text).toList(),
                                n,
                                language));
                continue;
            }
            for (ScoredSentence sentence : sentences) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(sentence.text()).append(" [").append(n).append(']');
            }
        }
        return new Answer(text.toString(), citations, true, Answer.EXTRACTIVE, language);
    }

    /** "The archive does not say", in the reader's language. */
    static Answer notFound(String language) {
        String text = "ar".equals(language) ? "لا يذكر الأرشيف إجابة عن هذا السؤال." : "The archive does not say.";
        return new Answer(text, List.of(), false, Answer.EXTRACTIVE, language);
    }
}
