/**
 * Exact and near-duplicate detection of news articles: {@link dev.newsflow.dedupe.DedupeIndex} judges each
 * article ({@link dev.newsflow.dedupe.Verdict}), remembers the unique ones within a time window and describes
 * each change as an {@link dev.newsflow.dedupe.IndexEntry} for a compacted changelog. Settings live in
 * {@link dev.newsflow.dedupe.DedupeConfig}. No Kafka here: the dedupe stage wraps this library.
 */
package dev.newsflow.dedupe;
