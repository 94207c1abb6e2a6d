package io.newsqa.answer;

import io.newsqa.archive.SearchFilter;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.RetrievedPassage;
import io.newsqa.text.LanguageDetection;
import java.util.List;

/** The one answer path behind every channel: check the question, retrieve, answer, cite. */
public final class AnswerService {

    public static final int MAX_QUESTION_LENGTH = 2000;

    private final HybridSearch search;
    private final ExtractiveAnswerer extractive;
    private final int passages;

    public AnswerService(HybridSearch search, ExtractiveAnswerer extractive, int passages) {
        this.search = search;
        this.extractive = extractive;
        this.passages = passages;
    }

    public Answer ask(String question) {
        return ask(question, SearchFilter.none());
    }

    public Answer ask(String question, SearchFilter filter) {
        String text = validate(question);
        String language = LanguageDetection.detect(text);
        List<RetrievedPassage> found = search.search(text, language, filter, passages);
        return extractive.answer(text, language, found);
    }

    private static String validate(String question) {
        if (question == null || question.isBlank()) {
            throw new InvalidQuestionException("The question is empty: ask something about the archive.");
        }
        String text = question.strip();
        if (text.length() > MAX_QUESTION_LENGTH) {
            throw new InvalidQuestionException("The question has " + text.length() + " characters; the limit is "
                    + MAX_QUESTION_LENGTH + ". Shorten it to the essentials.");
        }
        return text;
    }
}
