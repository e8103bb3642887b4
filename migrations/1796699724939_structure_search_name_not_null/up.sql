-- structure_search_name_not_null: `search_name` (generated from `name`, which is NOT NULL) is never
-- null, as the entity says; PostgreSQL reported it nullable (a generated column carries no NOT NULL
-- of its own). The entity-columns test compares the two.
ALTER TABLE structure ALTER COLUMN search_name SET NOT NULL;
