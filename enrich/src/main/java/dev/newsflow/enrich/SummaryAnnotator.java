package dev.newsflow.enrich;

import dev.newsflow.enrich.text.Sentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An extractive summary: the configured number of body sentences (ICU sentences, 1..3) that carry the most
 * keyword weight for their length, with a preference for the lead as news is written top-down, given in
 * article order and exactly as written. Datelines and other fragments under {@value #MIN_WORDS} words are
 * never chosen; an article without a full sentence is summarized by its first body sentence. Thread-safe.
 */
final class SummaryAnnotator implements Annotator {

    static final int MIN_WORDS = 5;
    private static final double POSITION_DECAY = 0.15;

    private final EnrichConfig config;
    private final KeywordAnnotator keywords;

    SummaryAnnotator(EnrichConfig config, KeywordAnnotator keywords) {
        this.config = config;
        this.keywords = keywords;
    }

    @Override
    public void annotate(Document document) {
        Field body = document.body();
        Map<String, Double> weights = new HashMap<>();
        List<String> stems = document.keywordStems();
        for (int rank = 0; rank < stems.size(); rank++) {
            for (String stem : stems.get(rank).split(" ")) {
                weights.merge(stem, (double) (stems.size() - rank), Math::max);
            }
        }
        List<Integer> eligible = new ArrayList<>();
        Map<Integer, Double> scores = new HashMap<>();
        for (int i = 0; i < body.sentences().size(); i++) {
            Sentence sentence = body.sentences().get(i);
            int words = sentence.wordCount();
            if (words < MIN_WORDS) {
                continue;
            }
            double hits = 0;
            for (String token : body.normalizedTokens(i)) {
                String stem = keywords.contentStem(document, token);
                if (stem != null) {
                    hits += weights.getOrDefault(stem, 0.0);
                }
            }
            double score = (1 + hits) / Math.sqrt(words) / (1 + POSITION_DECAY * eligible.size());
            eligible.add(i);
            scores.put(i, score);
        }
        List<Integer> chosen = eligible.stream()
                .sorted(Comparator.comparingDouble((Integer i) -> scores.get(i)).reversed())
                .limit(config.summarySentences())
                .sorted()
                .toList();
        if (chosen.isEmpty() && !body.sentences().isEmpty()) {
            chosen = List.of(0);
        }
        String summary = chosen.stream()
                .map(i -> body.sentences().get(i))
                .map(s -> body.text().substring(s.start(), s.end()))
                .collect(Collectors.joining(" "));
        document.setSummary(summary.isEmpty() ? null : summary);
    }
}
