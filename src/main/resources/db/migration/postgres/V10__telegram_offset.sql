-- The Telegram bot's long-polling offset: the last update each bot has handled, so that a
-- restarted bot neither loses nor answers twice an update (see io.newsqa.telegram).
CREATE TABLE telegram_offset (
    bot_id         text        PRIMARY KEY,
    last_update_id bigint      NOT NULL,
    handled_at     timestamptz NOT NULL
);
