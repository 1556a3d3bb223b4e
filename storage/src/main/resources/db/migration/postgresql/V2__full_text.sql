-- Full-text search: a stored tsvector over title and body with a GIN index. The 'simple' configuration
-- (lower-casing, no stemming) because articles come in many languages, as with FTS5 on SQLite.
ALTER TABLE articles
    ADD COLUMN search tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(body, ''))
    ) STORED;

CREATE INDEX articles_search_idx ON articles USING GIN (search);

-- Newest-first paging compares ids in code-point order (COLLATE "C", as SQLite does), whatever the
-- database's collation; the index must use the same collation to serve ORDER BY ... LIMIT.
DROP INDEX articles_sort_idx;
CREATE INDEX articles_sort_idx ON articles (sort_ms DESC, id COLLATE "C" DESC);
