-- Physical copies of a title. A copy is AVAILABLE, RESERVED by a rent saga, or RENTED.
CREATE TABLE copy (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    book_id    BIGINT       NOT NULL REFERENCES book (id),
    status     VARCHAR(10)  NOT NULL DEFAULT 'AVAILABLE' CHECK (status IN ('AVAILABLE', 'RESERVED', 'RENTED')),
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX copy_book_status_idx ON copy (book_id, status);
