package io.newsqa.answer;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.newsqa.answer.conversation.Conversations;
import io.newsqa.answer.conversation.FollowUps;
import io.newsqa.answer.llm.LlmAnswerer;
import io.newsqa.answer.llm.Prompts;
import io.newsqa.answer.llm.ProviderFailedException;
import io.newsqa.archive.SearchFilter;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.time.AppliedFilter;
import io.newsqa.text.LanguageDetection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one answer path behind every channel: check the question, resolve it against the
 * conversation, find its numbered sources in the archive ({@link ArchiveSources}), then have the
 * language model answer from them — or, without a model or when it fails, quote them
 * extractively. LangChain4j serves the chat models and the conversation memory; the sources stay
 * typed from the search to the citation.
 */
public final class AnswerService {

    public static final int MAX_QUESTION_LENGTH = 2000;

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);
    /** Where an extractive answer is cut into streamed pieces: after each sentence's marker. */
    private static final Pattern AFTER_MARKER = Pattern.compile("(?<=\\[\\d{1,3}])\\s+");

    private final HybridSearch search;
    private final ArchiveSources archiveSources;
    private final ExtractiveAnswerer extractive;
    private final Prompts prompts;
    /** {@code null} when no provider is configured: answers are extractive. */
    private final LlmAnswerer llm;

    private final Conversations conversations;

    public AnswerService(
            HybridSearch search,
            int passages,
            ExtractiveAnswerer extractive,
            Prompts prompts,
            LlmAnswerer llm,
            Conversations conversations) {
        this.search = search;
        this.archiveSources = new ArchiveSources(search, passages);
        this.extractive = extractive;
        this.prompts = prompts;
        this.llm = llm;
        this.conversations = conversations;
    }

    public Answer ask(String question) {
        return ask(Question.of(question));
    }

    public Answer ask(String question, SearchFilter filter) {
        return ask(new Question(question, null, filter));
    }

    public Answer ask(Question question) {
        return answer(question, null);
    }

    /**
     * Answers while streaming: {@code listener} receives the text as it is written (provider tokens,
     * or sentence by sentence for an extractive answer) and then the complete answer, which is also
     * returned.
     */
    public Answer ask(Question question, AnswerStream listener) {
        return answer(question, listener);
    }

    /** Forgets a conversation: the next question in it starts afresh. */
    public void resetConversation(String conversationId) {
        if (conversationId != null && !conversationId.isBlank()) {
            conversations.reset(conversationId);
        }
    }

    private Answer answer(Question question, AnswerStream listener) {
        String text = validate(question.text());
        String language = LanguageDetection.detect(text);
        String conversationId =
                question.conversationId() == null || question.conversationId().isBlank()
                        ? null
                        : question.conversationId();
        List<ChatMessage> history = conversationId == null ? List.of() : conversations.history(conversationId);
        FollowUps.Resolved resolved = standalone(text, history);
        String standalone = resolved.text();

        ArchiveSources.Found found = archiveSources.find(standalone, language, question.filter());
        List<Source> sources = found.sources();

        // Extractive answers are streamed once final, below; only a model's answer streams as written.
        Answer answer;
        if (llm == null) {
            answer = extractive.answer(resolved.own(), resolved.carried(), language, sources);
        } else if (sources.isEmpty()) {
            // Nothing retrieved: the model could only make something up, so it is not asked.
            answer = ExtractiveAnswerer.notFound(language);
        } else {
            answer = generate(resolved, language, sources, listener);
        }
        answer = answer.withAppliedFilter(found.appliedFilter());
        if (!answer.found() && EmptyWindow.narrowed(answer.appliedFilter())) {
            if (listener != null && Answer.LLM.equals(answer.mode())) {
                listener.onDiscard();
            }
            answer = explainEmptyWindow(resolved, language, question.filter(), answer.appliedFilter());
        }
        if (!Answer.LLM.equals(answer.mode())) {
            streamExtractive(answer, listener);
        }
        if (conversationId != null) {
            conversations.record(conversationId, standalone, answer.answer());
        }
        if (listener != null) {
            listener.onComplete(answer);
        }
        return answer;
    }

    /**
     * A follow-up made to stand alone: compressed by the model when there is one (falling back
     * to carrying terms when it fails), else by carrying the previous question's key terms. A
     * question that names its own subject is not a follow-up and is searched as asked.
     */
    private FollowUps.Resolved standalone(String question, List<ChatMessage> history) {
        if (history.isEmpty() || !FollowUps.isFollowUp(question)) {
            return FollowUps.Resolved.standalone(question);
        }
        if (llm != null) {
            try {
                String compressed = llm.reply(
                                List.of(UserMessage.from(prompts.fill(
                                        prompts.compressQuery(),
                                        Map.of("conversation", FollowUps.transcript(history), "question", question)))),
                                null)
                        .strip();
                if (!compressed.isEmpty() && compressed.length() <= MAX_QUESTION_LENGTH) {
                    return FollowUps.Resolved.standalone(compressed);
                }
            } catch (ProviderFailedException e) {
                log.warn(
                        "Query compression failed, carrying the previous question's terms instead: {}", e.getMessage());
            }
        }
        return FollowUps.resolve(question, history);
    }

    private Answer generate(FollowUps.Resolved question, String language, List<Source> sources, AnswerStream listener) {
        // The question read with the earlier ones (when it is a follow-up), under its sources.
        UserMessage userMessage = UserMessage.from(prompts.fill(
                prompts.answer(), Map.of("sources", NumberedSources.render(sources), "question", question.text())));
        List<ChatMessage> messages = List.of(SystemMessage.from(prompts.system()), userMessage);
        CitationMarkers markers = new CitationMarkers(sources);
        try {
            if (listener == null) {
                markers.feed(llm.reply(messages, null));
            } else {
                llm.reply(messages, token -> emit(listener, markers.feed(token)));
            }
            emit(listener, markers.finish());
            List<Citation> citations = markers.citations();
            return new Answer(markers.text(), citations, !citations.isEmpty(), Answer.LLM, language);
        } catch (ProviderFailedException e) {
            log.warn("The language model failed, answering extractively: {}", e.getMessage());
            if (listener != null && !markers.text().isEmpty()) {
                listener.onDiscard();
            }
            return extractive
                    .answer(question.own(), question.carried(), language, sources)
                    .withMode(Answer.EXTRACTIVE_FALLBACK);
        }
    }

    /**
     * The dates the question's time words (or the request) chose hold no answer: say so, naming
     * them and the newest article's date, and for time words, quote the newest coverage of the
     * topic from any date. The coverage is quoted even with a model: it answers a question the
     * reader did not quite ask, and a quote shows its date plainly.
     */
    private Answer explainEmptyWindow(
            FollowUps.Resolved resolved, String language, SearchFilter filter, AppliedFilter window) {
        String note = EmptyWindow.note(window, search.newestPublication(), language);
        if (!AppliedFilter.REQUEST.equals(window.reason())) {
            List<Source> sources = archiveSources
                    .findAcrossTime(resolved.text(), language, filter)
                    .sources();
            // The time words asked for the dates that were empty: the coverage answers the rest.
            String own = search.withoutTimeWords(resolved.own());
            for (List<Source> article : newestArticleFirst(sources)) {
                Answer coverage = extractive.answer(own, resolved.carried(), language, article);
                if (coverage.found()) {
                    return new Answer(
                            note + " " + EmptyWindow.coverageIntro(coverage, language) + " " + coverage.answer(),
                            coverage.citations(),
                            true,
                            Answer.EXTRACTIVE,
                            language,
                            window);
                }
            }
        }
        return new Answer(note, List.of(), false, Answer.EXTRACTIVE, language, window);
    }

    /** The sources grouped by article, the most recently published article first, undated ones last. */
    private static Collection<List<Source>> newestArticleFirst(List<Source> sources) {
        Map<String, List<Source>> byArticle = new LinkedHashMap<>();
        sources.stream()
                .sorted(Comparator.comparing(Source::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(source -> byArticle
                        .computeIfAbsent(source.articleId(), id -> new ArrayList<>())
                        .add(source));
        return byArticle.values();
    }

    private static void emit(AnswerStream listener, String text) {
        if (listener != null && !text.isEmpty()) {
            listener.onDelta(text);
        }
    }

    /** Streams a finished answer sentence by sentence, each with its marker. */
    private static Answer streamExtractive(Answer answer, AnswerStream listener) {
        if (listener != null) {
            String[] pieces = AFTER_MARKER.split(answer.answer());
            for (int i = 0; i < pieces.length; i++) {
                listener.onDelta(i < pieces.length - 1 ? pieces[i] + " " : pieces[i]);
            }
        }
        return answer;
    }

    /**
     * The question as it will be answered (stripped), or {@link InvalidQuestionException} saying
     * why it cannot be: empty, or longer than {@value #MAX_QUESTION_LENGTH} characters. Public so
     * that a channel can reject a bad question before it starts streaming the answer.
     */
    public static String validate(String question) {
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
