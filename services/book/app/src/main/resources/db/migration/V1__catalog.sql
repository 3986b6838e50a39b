-- The catalog: one row per title. Copies arrive with the librarian API.
CREATE TABLE book (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    isbn           CHAR(13)      NOT NULL UNIQUE,
    title          VARCHAR(300)  NOT NULL,
    authors        TEXT[]        NOT NULL,
    publisher      VARCHAR(200),
    published_year SMALLINT,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX book_title_idx ON book (lower(title));
