package dev.newsflow.enrich;

/**
 * One step of the enrichment chain: reads what earlier steps put in the {@link Document} and adds its
 * own finding. Implementations are thread-safe (one instance serves every thread); the document is not
 * shared.
 */
public interface Annotator {
    void annotate(Document document);
}
