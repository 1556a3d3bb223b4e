package dev.newsflow.consumer.enrich;

import dev.newsflow.consumer.runtime.InputRecord;
import dev.newsflow.consumer.runtime.Outputs;
import dev.newsflow.consumer.runtime.TransactionalStage;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.events.Article;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.events.Topic;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code unique -> enriched}: language, entities, countries, keywords, summary. Stateless, so instances scale
 * out with the partitions of {@code unique}; the models are loaded once per process and shared.
 */
public final class EnrichStage implements TransactionalStage<Article> {
    private final PipelineTopics topics;
    private final Enricher enricher;

    public EnrichStage(PipelineTopics topics, Enricher enricher) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.enricher = Objects.requireNonNull(enricher, "enricher");
    }

    @Override
    public String name() {
        return "enrich";
    }

    @Override
    public List<Topic<? extends Article>> inputs() {
        return List.of(topics.unique());
    }

    /** Enrichment is stateless and the enricher thread-safe: a batch uses every core. */
    @Override
    public boolean parallel() {
        return true;
    }

    @Override
    public List<ProducerRecord<String, byte[]>> process(InputRecord<Article> input) {
        Article article = input.event();
        EnrichedArticle enriched = new EnrichedArticle(article, enricher.enrich(article), Instant.now());
        return List.of(Outputs.derived(topics.enriched(), article.id(), enriched, input));
    }
}
