package dev.newsflow.enrich.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.events.Article;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityKeys;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a dashboard's "top people, organizations and places" shows for the Russian Telegram posts of the shared
 * data folder: {@code TopEntities <data-dir> [top, default 20]} enriches every post (its first line the title, its
 * channel the source; a post whose text was seen before is skipped, as dedupe would) and prints, per type, the
 * entities in most articles, counted as {@code /api/stats} counts them: once an article, one entity once by its key
 * (by its text for an enricher without keys), under its most common canonical name, only those at least
 * {@code min-confidence} sure (default 0.5, the API's). Single-threaded.
 */
public final class TopEntities {

    private TopEntities() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: TopEntities <data-dir> [top, default 20] [min-confidence, default 0.5]");
            System.exit(2);
        }
        Path data = RealNews.requireDataDir(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        double minConfidence = args.length > 2 ? Double.parseDouble(args[2]) : 0.5;
        List<Article> posts = telegramPosts(data);
        Enricher enricher = Enrichers.createDefault();
        Map<EntityType, Map<String, Integer>> articles = new EnumMap<>(EntityType.class);
        Map<String, Map<String, Integer>> names = new HashMap<>();
        for (Article post : posts) {
            Set<String> seen = new HashSet<>();
            for (EntityCount entity : enricher.enrich(post).entities()) {
                String key = entity.key() != null ? entity.key() : entity.text();
                if (entity.isAtLeast(minConfidence) && seen.add(entity.type() + "\u0000" + key)) {
                    articles.computeIfAbsent(entity.type(), t -> new HashMap<>()).merge(key, 1, Integer::sum);
                    names.computeIfAbsent(entity.type() + "\u0000" + key, k -> new HashMap<>())
                            .merge(entity.displayName(), 1, Integer::sum);
                }
            }
        }
        mergeShortForms(articles.getOrDefault(EntityType.PERSON, new HashMap<>()), names);
        System.out.println(posts.size() + " distinct posts");
        for (EntityType type : EntityType.values()) {
            System.out.println();
            System.out.println("| " + type + " | articles |");
            System.out.println("|---|---|");
            articles.getOrDefault(type, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(top)
                    .forEach(e -> System.out.println("| " + mostCommon(names.get(type + "\u0000" + e.getKey())) + " | "
                            + e.getValue() + " |"));
        }
    }

    /**
     * A person named by the surname alone is the one counted whose full name ends with it, and a person's inflected key
     * is the person's, as {@code /api/stats} does.
     */
    private static void mergeShortForms(Map<String, Integer> people, Map<String, Map<String, Integer>> names) {
        for (String key : List.copyOf(people.keySet())) {
            EntityKeys.fullFormOf(key, people).ifPresent(full -> people.merge(full, people.remove(key), Integer::sum));
        }
        for (String key : List.copyOf(people.keySet())) {
            people.keySet().stream().filter(base -> EntityKeys.isInflectionOf(key, base)).findFirst()
                    .ifPresent(base -> people.merge(base, people.remove(key), Integer::sum));
        }
    }

    private static String mostCommon(Map<String, Integer> names) {
        return names.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    /** Every post with text, in file order, without repeated texts: first line the title, the rest the body. */
    static List<Article> telegramPosts(Path data) throws IOException {
        List<Article> posts = new ArrayList<>();
        Set<String> texts = new HashSet<>();
        try (Stream<Path> files = Files.list(data.resolve("telegram_ru_news/raw"))) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                for (JsonNode post : EventJson.mapper().readTree(file.toFile())) {
                    String text = post.path("text").asText("").strip();
                    if (text.isEmpty() || !texts.add(text)) {
                        continue;
                    }
                    int newline = text.indexOf('\n');
                    String title = newline > 0 ? text.substring(0, newline).strip() : text;
                    String body = newline > 0 ? text.substring(newline + 1).strip() : text;
                    if (title.length() > Article.MAX_TITLE_LENGTH) {
                        title = title.substring(0, Article.MAX_TITLE_LENGTH);
                    }
                    posts.add(new Article("telegram-" + posts.size(), title, body.isEmpty() ? title : body, null,
                            post.path("channel").asText(null), null, null, null, file.getFileName().toString()));
                }
            }
        }
        return posts;
    }
}
