package dev.newsflow.enrich;

/** One default enricher for all test classes of a run: loading the models takes seconds. */
final class SharedEnricher {

    private static Enricher instance;

    private SharedEnricher() {
    }

    static synchronized Enricher get() {
        if (instance == null) {
            instance = Enrichers.createDefault();
        }
        return instance;
    }
}
