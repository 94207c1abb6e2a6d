package io.newsqa.telegram;

/** Who the bot is (from getMe): group messages are for it when they mention this username or reply to this id. */
record BotIdentity(long id, String username) {}
