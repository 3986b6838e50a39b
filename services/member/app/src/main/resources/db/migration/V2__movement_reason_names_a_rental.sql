-- Movements of the rent saga and of late fees name their rental ("RENT <rental id>"): room for a
-- kind and an id of up to 64 characters.
ALTER TABLE point_movement ALTER COLUMN reason TYPE VARCHAR(80);
