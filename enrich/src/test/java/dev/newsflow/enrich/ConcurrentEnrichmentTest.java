package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.Article;
import dev.newsflow.events.Enrichment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentEnrichmentTest {

    @Test
    void shouldGiveTheSameResultsFromManyThreadsAsFromOne() throws Exception {
        Enricher enricher = SharedEnricher.get();
        List<Article> articles = List.of(Articles.seed(), Articles.resource("ru.txt"), Articles.resource("uz-cyrl.txt"),
                Articles.resource("kk.txt"), Articles.resource("uz-latn.txt"));
        List<Enrichment> expected = articles.stream().map(enricher::enrich).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Enrichment>> futures = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (Article article : articles) {
                    futures.add(pool.submit(() -> enricher.enrich(article)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % articles.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
