CREATE TABLE reservation (book_id text NOT NULL, member_id text NOT NULL);
CREATE TABLE applied_effect (message_id uuid NOT NULL, message_type text NOT NULL, schema_version int NOT NULL, book_id text NOT NULL);
