-- Conversation memory of the answer service (a LangChain4j ChatMemoryStore): one row per
-- conversation (a Telegram chat, a widget session), its recent messages as LangChain4j's JSON.
CREATE TABLE conversations (
    id         text PRIMARY KEY,
    messages   jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX conversations_updated_at_idx ON conversations (updated_at);
