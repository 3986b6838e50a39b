-- Book's side of the rent saga (docs/patterns/saga.md, section "book"): one row per rental that
-- book has heard of. The row is the decision taken for that rental, so a command sent again is
-- answered the same way and changes nothing, and a ReleaseCopy that arrives first leaves a
-- tombstone (state RELEASED, no book, no copy) that refuses the ReserveCopy arriving after it.
--   HELD      the copy is out for this rental (copy status RENTED)
--   REFUSED   ReserveCopy was answered CopyUnavailable (no copy free, or no such book)
--   RELEASED  the saga compensated: the copy, if one was held, is AVAILABLE again
--   RETURNED  the member brought the copy back (BookReturned): it is AVAILABLE again
CREATE TABLE copy_hold (
    rental_id  UUID         PRIMARY KEY,
    book_id    BIGINT,
    copy_id    BIGINT       REFERENCES copy (id),
    state      VARCHAR(10)  NOT NULL CHECK (state IN ('HELD', 'REFUSED', 'RELEASED', 'RETURNED')),
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (state NOT IN ('HELD', 'RETURNED') OR copy_id IS NOT NULL)
);

-- A copy is held for one rental at a time: the database refuses a second hold of the same copy
-- even if the row locks of the reservation were ever got wrong.
CREATE UNIQUE INDEX copy_hold_one_rental_per_copy ON copy_hold (copy_id) WHERE state = 'HELD';
