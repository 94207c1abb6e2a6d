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
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a question leans on the conversation, and without a language model turns such a
 * follow-up ("and the second one?", "وماذا عن الثانية؟") into a searchable question by carrying
 * over the previous question's key terms: its words that carry content (not stop words, not
 * question words such as "when", see {@link QuestionTerms}) and that the follow-up does not
 * already contain. The answerer keeps the two apart: the follow-up's own words decide what answers
 * it, the carried ones only which passages are on the topic.
 *
 * <p>A question is decided by its content, not by its first word: one that names what it asks
 * about stands alone and starts a fresh retrieval context, even in a long conversation. Only an
 * elliptic or anaphoric question is a follow-up:
 * <ul>
 *   <li>it has no content terms but pronouns ("and why?", "ولماذا؟", "what did they say?");</li>
 *   <li>it opens by continuing the last one: a conjunction on a question word ("ولماذا تأخر؟",
 *       "وكم قيمة التذكرة؟", "and who is the coach?") or "what about …" ("وماذا عن المتحف؟");</li>
 *   <li>it refers back by a personal pronoun ("how many stops does it have?"); an Arabic هو/هي right
 *       after a question word is the copula of "من هو …؟" and does not count;</li>
 *   <li>it has at most {@value #FEW_TERMS} content terms and no name or number to anchor them
 *       ("how much is a ticket?", "كم قيمة التذكرة؟", "is entry free?"). Names are told by
 *       capitals, which Arabic has not: a two-word Arabic question about a name ("ما هي عاصمة
 *       أستراليا؟") is read as a follow-up too, its own words still deciding what answers it.</li>
 * </ul>
 */
public final class FollowUps {

    static final int FEW_TERMS = 2;

    private static final Pattern CONTINUATION = Pattern.compile(
            "^(and|but|also|so|then|or)\\b|^(what|how) about\\b"
                    + "|^[وف]\\s?(ماذا|ما|لماذا|لم|متى|كيف|كم|من|اين|أين|هل|اي|أي|ما هي|ما هو)(\\s|[؟?]|$)"
                    + "|^[وف]?\\s?ماذا عن\\s",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[\\s\\p{Punct}،؟؛«»]+");
    private static final Map<String, Set<String>> PRONOUNS = Map.of(
            "en", Set.of("he", "she", "it", "its", "his", "her", "him", "hers", "they", "them", "their", "theirs"),
            "ar", Set.of("هو", "هي", "هم", "هن", "هما"));
    private static final Set<String> ARABIC_QUESTION_WORDS =
            Set.of("من", "ما", "ماذا", "متى", "كيف", "أين", "اين", "لماذا", "كم", "هل", "أي", "اي");
    /** A word in capitals that is not the question's first: a name ("Omar Faris", "Palm Valley"). */
    private static final Pattern NAME_OR_NUMBER = Pattern.compile("(?<=\\s)\\p{Lu}\\p{L}*|\\p{Nd}");

    private FollowUps() {}

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
        if (!isFollowUp(question)) {
            return Resolved.standalone(question);
        }
        String language = LanguageDetection.detect(question);
        Set<String> ownTerms = QuestionTerms.of(question, language);
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

    /** Whether {@code question} leans on the one before it (see the class comment); {@code false} stands alone. */
    public static boolean isFollowUp(String question) {
        String text = question.strip();
        String language = LanguageDetection.detect(text);
        List<String> words = List.of(WORD_SEPARATOR.split(text.toLowerCase(Locale.ROOT)));
        Set<String> pronouns = PRONOUNS.getOrDefault(language, Set.of());
        Set<String> content = new LinkedHashSet<>(QuestionTerms.of(text, language));
        content.removeAll(QuestionTerms.of(String.join(" ", pronouns), language));
        return content.isEmpty()
                || CONTINUATION.matcher(text.toLowerCase(Locale.ROOT)).find()
                || refersBack(words, pronouns)
                || content.size() <= FEW_TERMS && !NAME_OR_NUMBER.matcher(text).find();
    }

    private static boolean refersBack(List<String> words, Set<String> pronouns) {
        for (int i = 0; i < words.size(); i++) {
            if (pronouns.contains(words.get(i)) && !(i > 0 && ARABIC_QUESTION_WORDS.contains(words.get(i - 1)))) {
                return true;
            }
        }
        return false;
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
