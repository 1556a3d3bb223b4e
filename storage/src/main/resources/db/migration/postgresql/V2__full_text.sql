-- Full-text search: a stored tsvector over title and body with a GIN index. The 'simple' configuration
-- (lower-casing, no stemming) because articles come in many languages, as with FTS5 on SQLite.
ALTER TABLE articles
    ADD COLUMN search tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(body, ''))
    ) STORED;

CREATE INDEX articles_search_idx ON articles USING GIN (search);
