package io.newsqa.telegram;

import io.newsqa.answer.Answer;
import io.newsqa.channel.AnswerWriters;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Shows one answer in a chat while it is written. An answer that is complete soon after its first
 * words (every extractive one) goes out once, finished. A slower one (a language model's tokens)
 * is sent as far as it goes, then edited as it grows, within Telegram's limits on edits, and
 * finally replaced by the rendered answer with its sources; parts beyond one message's limit
 * follow as new messages. Text the answer service withdraws (a model failing mid-answer) is
 * replaced by "…" until the fallback arrives. "typing…" is repeated until the answer is done.
 *
 * <p>Runs on the thread handling the update; the answer is written on another one.
 */
final class ProgressiveReply {

    private static final Logger log = LoggerFactory.getLogger(ProgressiveReply.class);
    static final String PLACEHOLDER = "…";
    /** After the growing text: it is not finished yet. */
    static final String IN_PROGRESS = " …";

    private final BotApi api;
    private final AnswerRenderer renderer;
    private final Message question;
    private final BotTexts texts;
    private final long firstMessageAfter;
    private final long editInterval;
    private final int minGrowth;
    private final long typingInterval;

    /** The message showing the answer, once sent, and what it shows. */
    private Integer messageId;

    private String shown;
    private long shownAt;
    /** Set when Telegram refused a progress message: the rest waits for the final answer. */
    private boolean progressStopped;

    ProgressiveReply(
            BotApi api,
            AnswerRenderer renderer,
            TelegramProperties.Streaming settings,
            Message question,
            BotTexts texts) {
        this.api = api;
        this.renderer = renderer;
        this.question = question;
        this.texts = texts;
        this.firstMessageAfter = settings.firstMessageAfter().toNanos();
        this.editInterval = settings.editInterval().toNanos();
        this.minGrowth = settings.minGrowth();
        this.typingInterval = settings.typingInterval().toNanos();
    }

    /**
     * Delivers the answer; returns it, or {@code null} when the answer service failed (the reader
     * was told).
     */
    Answer deliver(PendingAnswer pending) throws TelegramApiException {
        long nextTyping = System.nanoTime() + typingInterval;
        long wakeAt = nextTyping;
        try {
            while (true) {
                PendingAnswer.State state = pending.awaitNews(wakeAt);
                if (state.discarded()) {
                    withdraw();
                }
                if (state.failure() != null) {
                    if (state.failure() instanceof AnswerWriters.Busy) {
                        log.warn("Too many answers being written: chat {} is told to ask again", question.getChatId());
                    } else {
                        log.error(
                                "The answer service failed on a question from chat {}",
                                question.getChatId(),
                                state.failure());
                    }
                    finish(List.of(Html.escape(texts.failure)), null);
                    return null;
                }
                if (state.answer() != null) {
                    finish(state.answer());
                    return state.answer();
                }
                long now = System.nanoTime();
                if (now - nextTyping >= 0) {
                    typing();
                    nextTyping = now + typingInterval;
                }
                wakeAt = nextTyping;
                String progress = progressHtml(state.text());
                if (progress != null && !progressStopped) {
                    long due = messageId == null ? state.firstDeltaAt() + firstMessageAfter : shownAt + editInterval;
                    boolean grown = messageId == null || progress.length() - shown.length() >= minGrowth;
                    if (grown && now - due >= 0) {
                        show(progress);
                    } else if (grown && due - wakeAt < 0) {
                        wakeAt = due;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramApiException("Interrupted while delivering an answer to chat " + question.getChatId(), e);
        }
    }

    /** The text so far as HTML, marked unfinished; {@code null} when there is none or it no longer fits one message. */
    private static String progressHtml(String text) {
        if (text.isBlank()) {
            return null;
        }
        String html = Html.escape(text.strip()) + IN_PROGRESS;
        return html.length() <= MessageSplitter.TELEGRAM_LIMIT ? html : null;
    }

    private void show(String html) {
        try {
            if (messageId == null) {
                messageId = api.call(Replies.to(question, html, null)).getMessageId();
            } else {
                api.call(Replies.edit(question.getChatId(), messageId, html, null));
            }
            shown = html;
            shownAt = System.nanoTime();
        } catch (TelegramApiException e) {
            log.warn(
                    "Could not show the answer in progress in chat {} ({}); sending it when complete",
                    question.getChatId(),
                    e.getMessage());
            progressStopped = true;
        }
    }

    /** The shown text was withdrawn: "…" until the fallback arrives. */
    private void withdraw() {
        if (messageId != null && !PLACEHOLDER.equals(shown)) {
            show(PLACEHOLDER);
        }
    }

    private void finish(Answer answer) throws TelegramApiException {
        finish(renderer.answer(answer, texts), answer.citations().isEmpty() ? null : Replies.sourcesButton(texts));
    }

    /**
     * The final messages: the first replaces the one in progress (or is sent), the rest follow;
     * the keyboard goes under the last.
     */
    private void finish(List<String> parts, InlineKeyboardMarkup keyboard) throws TelegramApiException {
        int first = 0;
        if (messageId != null) {
            InlineKeyboardMarkup firstKeyboard = parts.size() == 1 ? keyboard : null;
            try {
                if (!parts.get(0).equals(shown) || firstKeyboard != null) {
                    api.call(Replies.edit(question.getChatId(), messageId, parts.get(0), firstKeyboard));
                }
                first = 1;
            } catch (TelegramApiException e) {
                log.warn(
                        "Could not replace the answer in progress in chat {} ({}); sending the answer anew",
                        question.getChatId(),
                        e.getMessage());
            }
        }
        for (int i = first; i < parts.size(); i++) {
            api.call(Replies.to(question, parts.get(i), i == parts.size() - 1 ? keyboard : null));
        }
    }

    private void typing() {
        try {
            api.call(SendChatAction.builder()
                    .chatId(question.getChatId())
                    .action(ActionType.TYPING.toString())
                    .build());
        } catch (TelegramApiException e) {
            log.debug("Could not repeat 'typing…' in chat {}: {}", question.getChatId(), e.getMessage());
        }
    }
}
