-- The rent saga's charge of each rental, decided once (rent.RentCharges): a repeated ChargePoints
-- or RefundPoints is answered from here and changes nothing. A RefundPoints that comes first leaves
-- a tombstone (REFUNDED, amount 0), so that a later ChargePoints of that rental is refused.
-- member_id has no foreign key: a charge for an unknown member is refused and recorded all the same.
CREATE TABLE rental_charge (
    rental_id  VARCHAR(64) PRIMARY KEY,
    member_id  VARCHAR(64) NOT NULL,
    -- CHARGED: points taken; REJECTED: points asked for and refused; REFUNDED: points given back (0: none were taken)
    amount     INTEGER     NOT NULL,
    -- the member's balance right after the last decision, repeated in the replies (0 for an unknown member)
    balance    INTEGER     NOT NULL,
    state      VARCHAR(10) NOT NULL CHECK (state IN ('CHARGED', 'REJECTED', 'REFUNDED')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (state <> 'CHARGED' OR amount > 0),
    CHECK (state <> 'REFUNDED' OR amount >= 0)
);
