package io.newsqa.answer.conversation;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import io.newsqa.text.LanguageDetection;
import io.newsqa.text.QuestionTerms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Without a language model, turns a follow-up ("and the second one?", "وماذا عن الثانية؟") into a
 * searchable question by carrying over the previous question's key terms: its words that carry
 * content (not stop words, not question words such as "when", see {@link QuestionTerms}) and that
 * the follow-up does not already contain. The answerer keeps the two apart: the follow-up's own
 * words decide what answers it, the carried ones only which passages are on the topic.
 *
 * <p>A question is taken as a follow-up when it has at most {@value #FEW_TERMS} content terms of its
 * own ("how much is a ticket?" has one) or opens with a continuation ("and", "what about", "و…",
 * "ماذا عن"). A complete new question in the same conversation is left alone.
 */
public final class FollowUps {

    static final int FEW_TERMS = 2;

    private static final Pattern CONTINUATION = Pattern.compile(
            "^(and|also|but|what about|how about|and what|then)\\b|^(و|ف)?(ماذا عن|ماذا|ما|هل|لماذا|متى|كيف|من|أين|اين|ثم)\\s|^و",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[\\s\\p{Punct}،؟؛«»]+");

    private FollowUps() {
    }

    /**
     * A question read in its conversation.
     *
     * @param own     the reader's own words
     * @param carried key words of the previous question it leans on; {@code ""} when it stands alone
     */
    public record Resolved(String own, String carried) {

        public static Resolved standalone(String question) {
            return new Resolved(question, "");
        }

        /** What is searched and remembered: the question with the carried words after it. */
        public String text() {
            return carried.isEmpty() ? own : own.strip() + " " + carried;
        }
    }

    /** The question with the words it carries from the conversation so far. */
    public static Resolved resolve(String question, List<ChatMessage> history) {
        String previous = lastQuestion(history);
        if (previous == null) {
            return Resolved.standalone(question);
        }
        String language = LanguageDetection.detect(question);
        Set<String> ownTerms = QuestionTerms.of(question, language);
        boolean followUp = ownTerms.size() <= FEW_TERMS
                || CONTINUATION.matcher(question.strip().toLowerCase(Locale.ROOT)).find();
        if (!followUp) {
            return Resolved.standalone(question);
        }
        String previousLanguage = LanguageDetection.detect(previous);
        Set<String> have = new HashSet<>(ownTerms);
        Set<String> carried = new LinkedHashSet<>();
        for (String word : WORD_SEPARATOR.split(previous)) {
            Set<String> terms = QuestionTerms.of(word, previousLanguage);
            if (!terms.isEmpty() && have.addAll(terms)) {
                carried.add(word);
            }
        }
        return new Resolved(question, String.join(" ", carried));
    }

    /** The last question asked in the conversation, in its standalone form, or {@code null}. */
    public static String lastQuestion(List<ChatMessage> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof UserMessage user) {
                return user.singleText();
            }
        }
        return null;
    }

    /** The conversation as plain lines for the compression prompt. */
    public static String transcript(List<ChatMessage> history) {
        List<String> lines = new ArrayList<>();
        for (ChatMessage message : history) {
            if (message instanceof UserMessage user) {
                lines.add("Reader: " + user.singleText());
            } else if (message instanceof dev.langchain4j.data.message.AiMessage ai) {
                lines.add("Archive: " + ai.text());
            }
        }
        return String.join("\n", lines);
    }
}
