-- Tables of platform/messaging (transactional outbox, idempotent consumer). A repeatable migration
-- written to be re-runnable, so it never collides with the version numbers of a service's own
-- migrations; Flyway runs it after them, and again only when this file changes.

CREATE TABLE IF NOT EXISTS outbox_message (
    id             uuid PRIMARY KEY,
    position       bigint GENERATED ALWAYS AS IDENTITY,
    topic          text        NOT NULL,
    message_key    text,
    message_type   text        NOT NULL,
    schema_version int         NOT NULL,
    payload        jsonb       NOT NULL,
    traceparent    text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz
);

-- The relay reads only the unpublished rows, in the order they were written.
CREATE INDEX IF NOT EXISTS outbox_message_unpublished ON outbox_message (position) WHERE published_at IS NULL;

CREATE TABLE IF NOT EXISTS processed_message (
    consumer_name text        NOT NULL,
    message_id    uuid        NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_name, message_id)
);

-- Old processed ids are pruned after the consumer retention (ProcessedMessagePruner).
CREATE INDEX IF NOT EXISTS processed_message_processed_at ON processed_message (processed_at);
