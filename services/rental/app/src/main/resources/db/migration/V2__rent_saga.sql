-- The rent saga: one row per rental, holding the orchestrator's state (the step it waits on, its
-- deadline, the compensations still to be acknowledged) and what GET /api/rentals/{id} shows.
-- It changes in the same transaction as the card events and outbox commands of each step.
CREATE TABLE rental (
    rental_id        UUID PRIMARY KEY,
    member_id        TEXT        NOT NULL CHECK (length(member_id) BETWEEN 1 AND 100),
    book_id          BIGINT      NOT NULL CHECK (book_id > 0),
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'RENTED', 'REJECTED', 'RETURNED')),
    step             TEXT        NOT NULL CHECK (step IN ('RESERVE_COPY', 'CHARGE_POINTS', 'COMPENSATE', 'DONE')),
    rejection        TEXT        CHECK (rejection IN ('NO_COPY_AVAILABLE', 'INSUFFICIENT_POINTS', 'TIMED_OUT')),
    copy_id          BIGINT,
    points_charged   INT,
    release_pending  BOOLEAN     NOT NULL DEFAULT false, -- compensation ReleaseCopy sent, not yet acknowledged
    refund_pending   BOOLEAN     NOT NULL DEFAULT false, -- compensation RefundPoints sent, not yet acknowledged
    deadline         TIMESTAMPTZ,                        -- of the step waited on, or of the next re-send of the compensations
    attempts         INT         NOT NULL DEFAULT 0,     -- sends of the compensations so far
    due_at           TIMESTAMPTZ,
    overdue          BOOLEAN     NOT NULL DEFAULT false,
    returned_at      TIMESTAMPTZ,
    requested_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((step = 'DONE') = (deadline IS NULL)),
    CHECK ((status = 'PENDING') = (step <> 'DONE'))
);
CREATE INDEX rental_waiting ON rental (deadline) WHERE step <> 'DONE';
CREATE INDEX rental_out ON rental (due_at) WHERE status = 'RENTED' AND NOT overdue;
CREATE INDEX rental_member ON rental (member_id, requested_at);

-- The latest snapshot of each rental card: a cache of its events (see CardSnapshots).
CREATE TABLE card_snapshot (
    stream_id TEXT        PRIMARY KEY,
    version   INT         NOT NULL CHECK (version > 0),
    shape     INT         NOT NULL,
    state     JSONB       NOT NULL,
    taken_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
