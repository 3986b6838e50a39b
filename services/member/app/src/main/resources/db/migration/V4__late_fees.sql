-- The late fee of each returned rental (points.LateFees), recorded once: PAID when the balance
-- covered it at the return, else OUTSTANDING until a top-up covers it (oldest first).
-- member_id has no foreign key, like rental_charge: what rental reports is recorded as it comes.
CREATE TABLE late_fee (
    rental_id  VARCHAR(64) PRIMARY KEY,
    member_id  VARCHAR(64) NOT NULL,
    fee        INTEGER     NOT NULL CHECK (fee > 0),
    state      VARCHAR(11) NOT NULL CHECK (state IN ('OUTSTANDING', 'PAID')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    paid_at    TIMESTAMPTZ,
    CHECK ((state = 'PAID') = (paid_at IS NOT NULL))
);

-- A top-up looks for the member's outstanding fees, oldest first.
CREATE INDEX late_fee_outstanding_idx ON late_fee (member_id, created_at) WHERE state = 'OUTSTANDING';
