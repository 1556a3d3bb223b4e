-- One schema for SQLite and PostgreSQL: only portable types and syntax here.
-- Times: *_at columns hold ISO-8601 text as the event carried it; *_ms columns hold UTC epoch
-- milliseconds for sorting and range filters (dashboards: to_timestamp(x / 1000.0) or datetime(x / 1000, 'unixepoch')).

CREATE TABLE articles (
    id                   VARCHAR(200)     NOT NULL PRIMARY KEY,
    title                TEXT             NOT NULL,
    body                 TEXT             NOT NULL,
    author               TEXT,
    source               TEXT,
    published_at         TEXT,
    published_ms         BIGINT,
    url                  TEXT,
    declared_language    VARCHAR(16),
    origin               TEXT,
    -- language: detected by enrich, or the declared one while the article has no enrichment
    language             VARCHAR(16),
    script               VARCHAR(8),
    language_confidence  DOUBLE PRECISION,
    summary              TEXT,
    word_count           INTEGER,
    reading_time_seconds INTEGER,
    enriched_at          TEXT,
    -- duplicates: the id of the first-seen original, null for originals
    duplicate_of         VARCHAR(200),
    similarity           DOUBLE PRECISION,
    duplicate_method     VARCHAR(8),
    detected_at          TEXT,
    -- newest-first order: publication time, or first storage time when the source gave none
    sort_ms              BIGINT           NOT NULL,
    stored_ms            BIGINT           NOT NULL
);

CREATE INDEX articles_sort_idx ON articles (sort_ms DESC, id DESC);
-- Partial: serves "duplicates of X" without tempting the planner to use it for "originals only"
-- (duplicate_of IS NULL holds for most rows, where the newest-first index is the right one).
CREATE INDEX articles_duplicate_of_idx ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_language_idx ON articles (language);
CREATE INDEX articles_source_idx ON articles (source);
-- Covers the dashboard's counts of originals without reading article bodies (rows are kilobytes).
CREATE INDEX articles_originals_idx ON articles (id, language, source, sort_ms) WHERE duplicate_of IS NULL;

-- Distinct entities per article with their mention count: GROUP BY text, type for "top people".
CREATE TABLE article_entities (
    article_id    VARCHAR(200) NOT NULL,
    entity_text   TEXT         NOT NULL,
    entity_type   VARCHAR(16)  NOT NULL,
    mention_count INTEGER      NOT NULL,
    PRIMARY KEY (article_id, entity_type, entity_text)
);
CREATE INDEX article_entities_text_idx ON article_entities (entity_text, entity_type);

-- Every mention with its offsets in the title or body.
CREATE TABLE article_mentions (
    article_id   VARCHAR(200) NOT NULL,
    position     INTEGER      NOT NULL,
    mention_text TEXT         NOT NULL,
    entity_type  VARCHAR(16)  NOT NULL,
    field        VARCHAR(8)   NOT NULL,
    start_offset INTEGER      NOT NULL,
    end_offset   INTEGER      NOT NULL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE article_countries (
    article_id VARCHAR(200) NOT NULL,
    country    VARCHAR(2)   NOT NULL,
    PRIMARY KEY (article_id, country)
);
CREATE INDEX article_countries_country_idx ON article_countries (country);

CREATE TABLE article_keywords (
    article_id VARCHAR(200) NOT NULL,
    position   INTEGER      NOT NULL,
    keyword    TEXT         NOT NULL,
    PRIMARY KEY (article_id, position)
);

-- The store stage commits its Kafka position here, in the same transaction as the rows.
CREATE TABLE consumer_offsets (
    consumer_group VARCHAR(255) NOT NULL,
    topic          VARCHAR(255) NOT NULL,
    partition_no   INTEGER      NOT NULL,
    next_offset    BIGINT       NOT NULL,
    PRIMARY KEY (consumer_group, topic, partition_no)
);
