package io.newsqa.telegram;

import io.newsqa.answer.Answer;
import io.newsqa.answer.Citation;
import io.newsqa.channel.RateLimit;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * What the bot does with one update: answers questions and commands addressed to it, through
 * the answer service (one conversation per chat), in Telegram HTML, showing an answer while it
 * is written. Whatever goes wrong with one update is this class's
 * caller's to log; it never concerns the next update.
 */
final class UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

    private final BotApi api;
    private final Addressing addressing;
    private final TelegramAnswers answers;
    private final AnswerRenderer renderer;
    private final RateLimit<Long> rateLimiter;
    private final ChatMemory memory;
    private final Set<Long> allowedChats;
    private final int maxQuestionLength;
    private final TelegramProperties.Streaming streaming;

    UpdateHandler(
            BotApi api,
            BotIdentity bot,
            TelegramAnswers answers,
            AnswerRenderer renderer,
            RateLimit<Long> rateLimiter,
            ChatMemory memory,
            TelegramProperties properties) {
        this.api = api;
        this.addressing = new Addressing(bot);
        this.answers = answers;
        this.renderer = renderer;
        this.rateLimiter = rateLimiter;
        this.memory = memory;
        this.allowedChats = Set.copyOf(properties.allowedChats());
        this.maxQuestionLength = properties.maxQuestionLength();
        this.streaming = properties.streaming();
    }

    void handle(Update update) throws TelegramApiException {
        if (update.hasMessage()) {
            handle(update.getMessage());
        } else if (update.hasCallbackQuery()) {
            handle(update.getCallbackQuery());
        }
    }

    private void handle(Message message) throws TelegramApiException {
        long chatId = message.getChatId();
        if (!allowed(chatId)) {
            log.info("Ignoring a message from chat {}: it is not in newsqa.telegram.allowed-chats", chatId);
            return;
        }
        Addressing.Request request = addressing.read(message);
        if (request instanceof Addressing.Question question) {
            ask(message, question.text());
        } else if (request instanceof Addressing.Command command) {
            command(message, command);
        }
    }

    private void command(Message message, Addressing.Command command) throws TelegramApiException {
        long chatId = message.getChatId();
        BotTexts texts = texts(message);
        switch (command.name()) {
            case "start" -> send(message, Html.escape(BotTexts.WELCOME), null);
            case "ask" -> {
                if (command.argument().isEmpty()) {
                    send(message, Html.escape(texts.askUsage), null);
                } else {
                    ask(message, command.argument());
                }
            }
            case "sources" -> sources(message, chatId, texts);
            case "reset" -> {
                answers.reset(chatId);
                send(message, Html.escape(texts.resetDone), null);
            }
            case "lang" -> {
                if (BotTexts.known(command.argument())) {
                    BotTexts chosen = BotTexts.forCode(command.argument());
                    memory.setLanguage(chatId, chosen);
                    send(message, Html.escape(chosen.languageSet), null);
                } else {
                    send(message, Html.escape(texts.languageUsage), null);
                }
            }
            // /help, and any command the bot does not know: say what it does know.
            default -> send(message, Html.escape(texts.help), null);
        }
    }

    private void ask(Message message, String question) throws TelegramApiException {
        BotTexts texts = texts(message);
        if (question.isBlank()) {
            send(message, Html.escape(texts.askUsage), null);
            return;
        }
        if (question.length() > maxQuestionLength) {
            send(message, Html.escape(texts.tooLong.formatted(question.length(), maxQuestionLength)), null);
            return;
        }
        long userId = message.getFrom() == null
                ? message.getChatId()
                : message.getFrom().getId();
        if (rateLimiter.tryAcquire(userId) instanceof RateLimit.Refused refused) {
            if (refused.firstSinceAllowed()) {
                send(
                        message,
                        Html.escape(texts.rateLimited.formatted(
                                rateLimiter.requests(), rateLimiter.period().toSeconds(), refused.secondsToWait())),
                        null);
            }
            return;
        }
        api.call(SendChatAction.builder()
                .chatId(message.getChatId())
                .action(ActionType.TYPING.toString())
                .build());
        PendingAnswer pending = answers.ask(message.getChatId(), question);
        Answer answer = new ProgressiveReply(api, renderer, streaming, message, texts).deliver(pending);
        if (answer != null) {
            memory.setLastSources(message.getChatId(), answer.citations());
        }
    }

    private void sources(Message message, long chatId, BotTexts texts) throws TelegramApiException {
        List<Citation> sources = memory.lastSources(chatId);
        if (sources.isEmpty()) {
            send(message, Html.escape(texts.noSources), null);
            return;
        }
        for (String part : renderer.sources(sources, texts)) {
            send(message, part, null);
        }
    }

    /** The "Sources" button under an answer: the full list, and the button's spinner stopped. */
    private void handle(CallbackQuery query) throws TelegramApiException {
        Message message = query.getMessage() instanceof Message accessible ? accessible : null;
        if (message == null || !allowed(message.getChatId()) || !Replies.SOURCES_CALLBACK.equals(query.getData())) {
            api.call(
                    AnswerCallbackQuery.builder().callbackQueryId(query.getId()).build());
            return;
        }
        BotTexts texts = memory.language(message.getChatId())
                .orElse(BotTexts.forCode(
                        query.getFrom() == null ? null : query.getFrom().getLanguageCode()));
        List<Citation> sources = memory.lastSources(message.getChatId());
        api.call(AnswerCallbackQuery.builder()
                .callbackQueryId(query.getId())
                .text(sources.isEmpty() ? texts.noSources : null)
                .build());
        if (!sources.isEmpty()) {
            for (String part : renderer.sources(sources, texts)) {
                api.call(Replies.plain(message.getChatId(), part, null));
            }
        }
    }

    private boolean allowed(long chatId) {
        return allowedChats.isEmpty() || allowedChats.contains(chatId);
    }

    /** The chat's /lang choice, else the user's Telegram language, else Arabic. */
    private BotTexts texts(Message message) {
        return memory.language(message.getChatId())
                .orElseGet(() -> BotTexts.forCode(
                        message.getFrom() == null ? null : message.getFrom().getLanguageCode()));
    }

    private void send(Message question, String html, InlineKeyboardMarkup keyboard) throws TelegramApiException {
        api.call(Replies.to(question, html, keyboard));
    }
}
