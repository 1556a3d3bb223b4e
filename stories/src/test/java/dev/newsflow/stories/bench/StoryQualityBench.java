package dev.newsflow.stories.bench;

import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.stories.Assignment;
import dev.newsflow.stories.StoriesConfig;
import dev.newsflow.stories.StoryIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Story quality on the UCI News Aggregator headlines (data folder argument; see {@code SOURCE.txt}): B-cubed
 * precision, recall and F1 and the adjusted Rand index of {@link StoryIndex}, beside single-link TF-IDF at cosine
 * 0.3 and grouping by topic (the corpus' four categories), on the tuning part and on the test part that nothing was
 * tuned on.
 *
 * <pre>
 * StoryQualityBench DATA_DIR [--tune] [stories.key=value ...]
 * </pre>
 * {@code --tune} searches the short-article threshold and the weights on the tuning part only and prints the best settings; the test
 * part is not even enriched then.
 */
public final class StoryQualityBench {

    private StoryQualityBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: StoryQualityBench DATA_DIR [--tune] [stories.key=value ...]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        boolean tune = false;
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--tune")) {
                tune = true;
            } else {
                String[] kv = args[i].split("=", 2);
                settings.put(kv[0], kv[1]);
            }
        }
        List<NewsAggregatorCorpus.Item> items;
        try {
            items = NewsAggregatorCorpus.read(dataDir);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<NewsAggregatorCorpus.Item> tunePart = items.stream().filter(i -> !i.test()).toList();
        List<NewsAggregatorCorpus.Item> testPart = items.stream().filter(NewsAggregatorCorpus.Item::test).toList();
        Enricher enricher = Enrichers.createDefault();
        List<EnrichedArticle> tuneEnriched = enrich(enricher, tunePart);
        if (tune) {
            tune(tunePart, tuneEnriched, settings);
            return;
        }
        List<EnrichedArticle> testEnriched = enrich(enricher, testPart);
        StoriesConfig config = StoriesConfig.fromMap(settings);
        System.out.printf("settings: %s%n", settings.isEmpty() ? "defaults" : settings);
        System.out.println("| part | method | B3 precision | B3 recall | B3 F1 | ARI | clusters | gold stories |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (var part : List.of(Map.entry("tune", Map.entry(tunePart, tuneEnriched)),
                Map.entry("test", Map.entry(testPart, testEnriched)))) {
            List<NewsAggregatorCorpus.Item> part1 = part.getValue().getKey();
            List<String> gold = part1.stream().map(NewsAggregatorCorpus.Item::story).toList();
            long started = System.nanoTime();
            List<String> stories = run(config, part1, part.getValue().getValue());
            long micros = (System.nanoTime() - started) / 1000 / part1.size();
            print(part.getKey(), "stories (" + micros + " us/article incl. expire)", ClusteringScore.of(gold, stories));
            List<String> titles = part1.stream().map(NewsAggregatorCorpus.Item::title).toList();
            print(part.getKey(), "single-link TF-IDF, cosine 0.3", ClusteringScore.of(gold, SingleLinkBaseline.cluster(titles, "en", 0.3)));
            print(part.getKey(), "by topic (category)", ClusteringScore.of(gold, part1.stream().map(NewsAggregatorCorpus.Item::category).toList()));
        }
    }

    private static void print(String part, String method, ClusteringScore score) {
        System.out.println(score.row(part + " | " + method));
    }

    static List<String> run(StoriesConfig config, List<NewsAggregatorCorpus.Item> items, List<EnrichedArticle> enriched) {
        StoryIndex index = new StoryIndex(config);
        List<String> stories = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            index.expire(items.get(i).time());
            Assignment assignment = index.assign(enriched.get(i), items.get(i).time());
            stories.add(assignment.storyId());
        }
        return stories;
    }

    private static List<EnrichedArticle> enrich(Enricher enricher, List<NewsAggregatorCorpus.Item> items) {
        return items.parallelStream()
                .map(item -> new EnrichedArticle(item.article(), enricher.enrich(item.article()), item.time()))
                .toList();
    }

    /**
     * A grid over the threshold and the weights, on the tuning part only. The corpus is headlines, every one shorter
     * than {@code stories.short.terms}, so the threshold searched is the one for short articles.
     */
    private static void tune(List<NewsAggregatorCorpus.Item> items, List<EnrichedArticle> enriched, Map<String, String> base) {
        List<String> gold = items.stream().map(NewsAggregatorCorpus.Item::story).toList();
        List<Map<String, String>> grid = new ArrayList<>();
        for (String text : List.of("0.4", "0.55")) {
            for (String title : List.of("0.2", "0.35", "0.5")) {
                for (String entities : List.of("0.3")) {
                    for (String penalty : List.of("0.3", "0.6")) {
                        for (int t = 6; t <= 30; t += 4) {
                            Map<String, String> settings = new LinkedHashMap<>(base);
                            settings.put(StoriesConfig.WEIGHT_TEXT, text);
                            settings.put(StoriesConfig.WEIGHT_TITLE, title);
                            settings.put(StoriesConfig.WEIGHT_ENTITIES, entities);
                            settings.put(StoriesConfig.PLACE_CONFLICT_PENALTY, penalty);
                            settings.put(StoriesConfig.SHORT_THRESHOLD, String.valueOf(t / 100.0));
                            grid.add(settings);
                        }
                    }
                }
            }
        }
        List<Map.Entry<Map<String, String>, ClusteringScore>> results = new ArrayList<>(grid.parallelStream()
                .map(settings -> Map.entry(settings, ClusteringScore.of(gold, run(StoriesConfig.fromMap(settings), items, enriched))))
                .toList());
        results.sort(Comparator.comparingDouble((Map.Entry<Map<String, String>, ClusteringScore> e) -> -e.getValue().f1()));
        for (var r : results.subList(0, Math.min(15, results.size()))) {
            System.out.println(r.getValue().row(r.getKey().toString()));
        }
    }
}
