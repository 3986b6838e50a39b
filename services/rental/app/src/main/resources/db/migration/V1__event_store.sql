-- Event store of the rental service: append-only, one stream per rental card
-- ("rental-card-{memberId}"). A stream's versions are 1, 2, 3 ... without gaps; appending with an
-- expected version that someone else has taken fails on the unique key (optimistic concurrency).
CREATE TABLE event (
    position       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- global order, for readers
    event_id       UUID        NOT NULL UNIQUE,
    stream_id      TEXT        NOT NULL CHECK (length(stream_id) BETWEEN 1 AND 200),
    version        INT         NOT NULL CHECK (version > 0),
    type           TEXT        NOT NULL CHECK (length(type) BETWEEN 1 AND 100),
    schema_version INT         NOT NULL CHECK (schema_version > 0),
    payload        JSONB       NOT NULL,
    metadata       JSONB       NOT NULL, -- causation, correlation and trace ids
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT event_stream_version UNIQUE (stream_id, version)
);

-- Events are facts: nobody edits or removes one, not even the service.
CREATE FUNCTION event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event store is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event
    FOR EACH ROW EXECUTE FUNCTION event_is_append_only();
