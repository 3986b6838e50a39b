-- Accounts of people who sign in at auth. The id is the subject (sub) of their tokens and the
-- member id everywhere else; the username is what they type on the login page.
CREATE TABLE account (
    id            uuid PRIMARY KEY,
    username      text        NOT NULL CHECK (username ~ '^[a-z0-9._-]{3,32}$'),
    -- Spring Security's delegating format: {argon2@SpringSecurity_v5_8}$argon2id$...
    password_hash text        NOT NULL,
    display_name  text        NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 64),
    roles         text[]      NOT NULL CHECK (cardinality(roles) > 0),
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Usernames are unique whatever their case ("Ada" and "ada" are one account).
CREATE UNIQUE INDEX account_username_unique ON account (lower(username));
