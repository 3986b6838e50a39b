-- A member's profile, created from the AccountRegistered fact of the auth service; its id is the
-- account id. The balance is kept with the ledger of every movement and can never go negative.
CREATE TABLE member (
    id           VARCHAR(64)  PRIMARY KEY,
    username     VARCHAR(100) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    points       INTEGER      NOT NULL CHECK (points >= 0),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Every change of a balance, append-only: the sum of a member's amounts equals their points.
CREATE TABLE point_movement (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id     VARCHAR(64)  NOT NULL REFERENCES member (id),
    amount        INTEGER      NOT NULL CHECK (amount <> 0),
    reason        VARCHAR(40)  NOT NULL,
    balance_after INTEGER      NOT NULL CHECK (balance_after >= 0),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX point_movement_member_idx ON point_movement (member_id, id);
