-- Stories (issue #25), written by the store stage from news.stories: portable SQL for SQLite and PostgreSQL.
-- A story row is the latest update of the story; article_stories says which story each article is in and why.
-- List columns hold JSON arrays (PostgreSQL: outlets::jsonb; SQLite: json_each(outlets)).

CREATE TABLE stories (
    id                  VARCHAR(210) NOT NULL PRIMARY KEY,
    headline            TEXT         NOT NULL,
    first_seen_ms       BIGINT       NOT NULL,
    last_seen_ms        BIGINT       NOT NULL,
    article_count       INTEGER      NOT NULL,
    reprint_count       INTEGER      NOT NULL,
    -- distinct outlets of the story's original articles (reprints are not independent)
    independent_outlets INTEGER      NOT NULL,
    outlets             TEXT         NOT NULL,
    languages           TEXT         NOT NULL,
    countries           TEXT         NOT NULL,
    top_entities        TEXT         NOT NULL,
    updated_at          TEXT         NOT NULL,
    stored_ms           BIGINT       NOT NULL
);
CREATE INDEX stories_last_seen_idx ON stories (last_seen_ms);

CREATE TABLE article_stories (
    article_id VARCHAR(200)     NOT NULL PRIMARY KEY,
    story_id   VARCHAR(210)     NOT NULL,
    -- the article's source; the distinct outlets of a story's non-reprints are its independent outlets
    outlet     TEXT,
    -- new, duplicate (a reprint), or the similarity that weighed most: text, title, entities, places, countries, keywords
    decided_by VARCHAR(16)      NOT NULL,
    score      DOUBLE PRECISION,
    -- the article's time in the story: publication time, or when it entered the pipeline
    seen_ms    BIGINT           NOT NULL,
    stored_ms  BIGINT           NOT NULL
);
CREATE INDEX article_stories_story_idx ON article_stories (story_id, seen_ms);
CREATE INDEX article_stories_seen_idx ON article_stories (seen_ms);
