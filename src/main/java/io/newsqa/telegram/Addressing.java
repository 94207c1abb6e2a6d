package io.newsqa.telegram;

import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides whether a message is for the bot and what it asks. In a private chat every message is.
 * In a group the bot keeps quiet unless it is mentioned ({@code @botname}), replied to, or given a
 * command; a command addressed to another bot ({@code /help@otherbot}) is not for it.
 */
final class Addressing {

    /** What the bot was asked: a command with its argument, a question, or nothing for it. */
    sealed interface Request {}

    record Command(String name, String argument) implements Request {}

    record Question(String text) implements Request {}

    record NotForUs() implements Request {}

    private final BotIdentity bot;

    Addressing(BotIdentity bot) {
        this.bot = bot;
    }

    Request read(Message message) {
        String text = message.getText();
        if (text == null || text.isBlank()) {
            return new NotForUs();
        }
        String stripped = text.strip();
        if (stripped.startsWith("/")) {
            return command(stripped);
        }
        boolean privateChat = message.getChat() != null
                && Boolean.TRUE.equals(message.getChat().isUserChat());
        if (privateChat || repliesToUs(message) || mentionsUs(message)) {
            return new Question(withoutOurMention(message, text).strip());
        }
        return new NotForUs();
    }

    private Request command(String text) {
        int space = indexOfWhitespace(text);
        String head = space < 0 ? text.substring(1) : text.substring(1, space);
        String argument = space < 0 ? "" : text.substring(space).strip();
        int at = head.indexOf('@');
        if (at >= 0) {
            String target = head.substring(at + 1);
            if (!target.equalsIgnoreCase(bot.username())) {
                return new NotForUs();
            }
            head = head.substring(0, at);
        }
        return new Command(head.toLowerCase(Locale.ROOT), argument);
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private boolean repliesToUs(Message message) {
        Message replied = message.getReplyToMessage();
        return replied != null && replied.getFrom() != null && replied.getFrom().getId() == bot.id();
    }

    private boolean mentionsUs(Message message) {
        if (message.getEntities() == null) {
            return false;
        }
        return message.getEntities().stream().anyMatch(entity -> isOurMention(entity, message.getText()));
    }

    /** A "mention" entity spelling our username, or a "text_mention" of our user id. */
    private boolean isOurMention(MessageEntity entity, String text) {
        if ("mention".equals(entity.getType())) {
            return ("@" + bot.username()).equalsIgnoreCase(entityText(entity, text));
        }
        return "text_mention".equals(entity.getType())
                && entity.getUser() != null
                && entity.getUser().getId() == bot.id();
    }

    /** Entity offsets are in UTF-16 code units, as Java strings are. */
    private static String entityText(MessageEntity entity, String text) {
        int start = entity.getOffset();
        int end = start + entity.getLength();
        return start >= 0 && end <= text.length() ? text.substring(start, end) : "";
    }

    /** The question without "@botname", wherever in the sentence the user put it. */
    private String withoutOurMention(Message message, String text) {
        if (message.getEntities() == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        message.getEntities().stream()
                .filter(entity -> isOurMention(entity, text))
                .sorted((a, b) -> Integer.compare(b.getOffset(), a.getOffset()))
                .forEach(entity -> out.delete(entity.getOffset(), entity.getOffset() + entity.getLength()));
        return out.toString().replaceAll("\\s{2,}", " ");
    }
}
