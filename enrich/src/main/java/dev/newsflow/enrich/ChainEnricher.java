package dev.newsflow.enrich;

import com.ibm.icu.util.ULocale;
import dev.newsflow.enrich.text.SentenceSplitter;
import dev.newsflow.events.Article;
import dev.newsflow.events.Enrichment;
import java.util.List;
import java.util.Objects;

/**
 * The default {@link Enricher}: parses the article once into a {@link Document} (ICU sentences and tokens)
 * and runs the annotators over it in order. Thread-safe because every annotator is and each call has its
 * own document.
 */
final class ChainEnricher implements Enricher {

    private final SentenceSplitter splitter = new SentenceSplitter(ULocale.ROOT);
    private final List<Annotator> chain;

    ChainEnricher(List<Annotator> chain) {
        this.chain = List.copyOf(chain);
    }

    @Override
    public Enrichment enrich(Article article) {
        Objects.requireNonNull(article, "article");
        Document document = new Document(article, splitter);
        for (Annotator annotator : chain) {
            annotator.annotate(document);
        }
        return document.toEnrichment();
    }
}
