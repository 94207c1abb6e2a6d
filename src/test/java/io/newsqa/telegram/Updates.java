package io.newsqa.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Telegram updates as the Bot API sends them, for the fake server to hand out. */
final class Updates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Updates() {}

    static ObjectNode privateMessage(long updateId, long userId, String text, String languageCode) {
        ObjectNode update = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode message = message(update.putObject("message"), updateId, text);
        message.putObject("chat").put("id", userId).put("type", "private").put("first_name", "Reader");
        user(message.putObject("from"), userId, languageCode);
        return update;
    }

    static ObjectNode groupMessage(long updateId, long groupId, long userId, String text) {
        ObjectNode update = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode message = message(update.putObject("message"), updateId, text);
        message.putObject("chat").put("id", groupId).put("type", "supergroup").put("title", "Newsroom");
        user(message.putObject("from"), userId, "ar");
        int at = text.indexOf("@");
        if (at >= 0) {
            int end = text.indexOf(' ', at);
            message.putArray("entities")
                    .addObject()
                    .put("type", "mention")
                    .put("offset", at)
                    .put("length", (end < 0 ? text.length() : end) - at);
        }
        return update;
    }

    /** A group message replying to one of the bot's messages. */
    static ObjectNode groupReplyToBot(long updateId, long groupId, long userId, String text) {
        ObjectNode update = groupMessage(updateId, groupId, userId, text);
        ObjectNode replied = ((ObjectNode) update.get("message")).putObject("reply_to_message");
        message(replied, 1, "an earlier answer");
        replied.putObject("chat").put("id", groupId).put("type", "supergroup");
        replied.putObject("from")
                .put("id", FakeBotApiServer.BOT_ID)
                .put("is_bot", true)
                .put("first_name", "NewsQA");
        return update;
    }

    static ObjectNode sourcesButtonPressed(long updateId, long chatId, long userId) {
        ObjectNode update = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode query = update.putObject("callback_query")
                .put("id", "cb-" + updateId)
                .put("data", "sources")
                .put("chat_instance", "ci");
        user(query.putObject("from"), userId, "en");
        ObjectNode message = message(query.putObject("message"), 900, "an answer");
        message.putObject("chat").put("id", chatId).put("type", "private");
        return update;
    }

    private static ObjectNode message(ObjectNode message, long id, String text) {
        return message.put("message_id", id).put("date", 1_700_000_000).put("text", text);
    }

    private static void user(ObjectNode user, long id, String languageCode) {
        user.put("id", id).put("is_bot", false).put("first_name", "Reader").put("language_code", languageCode);
    }
}
