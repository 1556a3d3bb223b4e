package dev.newsflow.events;

/**
 * The topic names one pipeline uses. Production runs use {@link #DEFAULT}; tests give each run its own names
 * with {@link #withSuffix(String)} so that runs sharing a broker never see each other's records.
 * All names are non-blank. Immutable.
 */
public record PipelineTopics(String raw, String unique, String duplicates, String enriched, String dlq, String dedupeIndex) {

    public static final PipelineTopics DEFAULT = new PipelineTopics(
            Topics.RAW, Topics.UNIQUE, Topics.DUPLICATES, Topics.ENRICHED, Topics.DLQ, Topics.DEDUPE_INDEX);

    public PipelineTopics {
        for (String name : new String[] {raw, unique, duplicates, enriched, dlq, dedupeIndex}) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("topic names must not be blank");
            }
        }
    }

    /** The default names, each followed by {@code "." + suffix}. */
    public static PipelineTopics withSuffix(String suffix) {
        return new PipelineTopics(Topics.RAW + "." + suffix, Topics.UNIQUE + "." + suffix,
                Topics.DUPLICATES + "." + suffix, Topics.ENRICHED + "." + suffix, Topics.DLQ + "." + suffix,
                Topics.DEDUPE_INDEX + "." + suffix);
    }
}
