-- The read side's views (CQRS). Every row belongs to one generation of the projections: a rebuild
-- replays every event into a new generation while queries keep reading the active one, then one
-- UPDATE makes the new generation active (ProjectionGenerations). Queries always read the
-- generation that is ACTIVE at the moment of their statement.

CREATE TABLE projection_generation (
    generation   int PRIMARY KEY,
    state        text        NOT NULL CHECK (state IN ('BUILDING', 'ACTIVE', 'RETIRED')),
    started_at   timestamptz NOT NULL DEFAULT now(),
    activated_at timestamptz
);
-- At most one generation answers queries, and at most one is being built.
CREATE UNIQUE INDEX projection_generation_one_active ON projection_generation (state) WHERE state = 'ACTIVE';
CREATE UNIQUE INDEX projection_generation_one_building ON projection_generation (state) WHERE state = 'BUILDING';
INSERT INTO projection_generation (generation, state, activated_at) VALUES (1, 'ACTIVE', now());

-- A title and how often it was rented. A rental may arrive before the title (another topic):
-- the row is created by whichever event comes first, title NULL until BookAdded.
CREATE TABLE book_view (
    generation int    NOT NULL,
    book_id    bigint NOT NULL,
    title      text,
    rentals    int    NOT NULL DEFAULT 0,
    PRIMARY KEY (generation, book_id)
);
CREATE INDEX book_view_ranking ON book_view (generation, rentals DESC, title, book_id);

-- A member's points, kept as the sum of the movements the facts report (welcome bonus, top-ups,
-- rents, late fees): a sum does not depend on the order in which two topics deliver.
CREATE TABLE member_view (
    generation int     NOT NULL,
    member_id  text    NOT NULL,
    registered boolean NOT NULL DEFAULT false,
    points     int     NOT NULL DEFAULT 0,
    PRIMARY KEY (generation, member_id)
);

-- The books a member has out now.
CREATE TABLE loan_view (
    generation int         NOT NULL,
    rental_id  text        NOT NULL,
    member_id  text        NOT NULL,
    book_id    bigint      NOT NULL,
    copy_id    bigint      NOT NULL,
    due_at     timestamptz NOT NULL,
    overdue    boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (generation, rental_id)
);
CREATE INDEX loan_view_member ON loan_view (generation, member_id);

-- Late fees owed: while one is, the card is SUSPENDED.
CREATE TABLE fee_view (
    generation int  NOT NULL,
    rental_id  text NOT NULL,
    member_id  text NOT NULL,
    amount     int  NOT NULL,
    PRIMARY KEY (generation, rental_id)
);
CREATE INDEX fee_view_member ON fee_view (generation, member_id);
