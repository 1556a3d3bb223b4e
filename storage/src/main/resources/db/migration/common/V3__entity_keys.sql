-- Issue #23: each entity its canonical name and cross-script key, each entity and mention a confidence.
-- Portable: plain nullable columns in both SQLite and PostgreSQL. Rows stored before keep NULL here and are
-- counted by their text (COALESCE(entity_key, entity_text)) and always shown whatever the confidence asked for;
-- `newsflow replay --stage enrich` re-enriches them into keyed rows.
ALTER TABLE article_entities ADD COLUMN entity_name TEXT;
ALTER TABLE article_entities ADD COLUMN entity_key TEXT;
ALTER TABLE article_entities ADD COLUMN confidence DOUBLE PRECISION;
ALTER TABLE article_mentions ADD COLUMN entity_key TEXT;
ALTER TABLE article_mentions ADD COLUMN confidence DOUBLE PRECISION;
-- Serves GET /api/articles?entity=KEY and the top entities by key.
CREATE INDEX article_entities_key_idx ON article_entities (entity_key, entity_type);
