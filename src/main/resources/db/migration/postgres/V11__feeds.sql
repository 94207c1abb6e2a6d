-- Registered RSS/Atom feeds and their polling state (see io.newsqa.ingest.feed). Several app
-- instances share this table: an instance claims a due feed by writing its name and a lease end
-- into claimed_by / claimed_until, so no other instance polls the same feed until the lease ends.
CREATE TABLE feeds (
    id                   bigserial   PRIMARY KEY,
    url                  text        NOT NULL UNIQUE,
    enabled              boolean     NOT NULL DEFAULT true,
    registered_at        timestamptz NOT NULL DEFAULT now(),
    -- validators of the last feed taken in whole, sent back as If-None-Match / If-Modified-Since
    etag                 text,
    last_modified        text,
    last_polled_at       timestamptz,
    last_polled_by       text,
    -- ok | not-modified | error; null until the first poll
    last_status          text,
    last_error           text,
    items_added          bigint      NOT NULL DEFAULT 0,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    next_poll_at         timestamptz NOT NULL DEFAULT now(),
    claimed_by           text,
    claimed_until        timestamptz
);

-- What each instance's scheduler asks for: enabled feeds by when they are due.
CREATE INDEX feeds_due ON feeds (next_poll_at) WHERE enabled;
