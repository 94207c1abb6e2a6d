package io.newsqa.telegram;

import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The bot's messages as Bot API calls: Telegram HTML, no link previews (an answer cites several
 * links; a preview of the first would crowd it), and in groups a quote of the question answered.
 */
final class Replies {

    static final String SOURCES_CALLBACK = "sources";

    private Replies() {}

    /** In a group the reply quotes the question, so that everyone sees whom the bot answers. */
    static SendMessage to(Message question, String html, InlineKeyboardMarkup keyboard) {
        SendMessage message = plain(question.getChatId(), html, keyboard);
        if (!Boolean.TRUE.equals(question.getChat().isUserChat())) {
            message.setReplyParameters(ReplyParameters.builder()
                    .messageId(question.getMessageId())
                    .allowSendingWithoutReply(true)
                    .build());
        }
        return message;
    }

    static SendMessage plain(long chatId, String html, InlineKeyboardMarkup keyboard) {
        return SendMessage.builder()
                .chatId(chatId)
                .text(html)
                .parseMode("HTML")
                .linkPreviewOptions(
                        LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(keyboard)
                .build();
    }

    static EditMessageText edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
        return EditMessageText.builder()
                .chatId(chatId)
                .messageId(messageId)
                .text(html)
                .parseMode("HTML")
                .linkPreviewOptions(
                        LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(keyboard)
                .build();
    }

    /** The 📚 button under an answer; pressing it sends the full source list. */
    static InlineKeyboardMarkup sourcesButton(BotTexts texts) {
        return InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder()
                        .text(texts.sourcesButton)
                        .callbackData(SOURCES_CALLBACK)
                        .build()))
                .build();
    }
}
