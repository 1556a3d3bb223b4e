package dev.newsflow.enrich;

import dev.newsflow.events.EntityKeys;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityMention;
import dev.newsflow.events.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The distinct entities of an article from its mentions: mentions with the same type and key are one entity
 * ("Москве", "Москву", "Москвы"); a person named by one word is the person of the article whose full name ends
 * with that word, when exactly one does ("Путин" is "Владимир Путин", "Mirziyoyev" is "Shavkat Mirziyoyev",
 * "Мирзиёев" too, the key crossing scripts); an acronym is the entity whose name it abbreviates ("OTS" is
 * "Organization of Turkic States"). Each entity's canonical name is the fullest base form among its
 * mentions, its key that name's, and every mention carries the key of its entity. One name has one type in an
 * article: the mentions of a key take the type most of their confidence is on ("в Госдуме" read as a place beside
 * "Госдума" the organization). Stateless.
 */
final class EntityGroups {
    /** A surname may still carry a case ending the base form did not remove ("Байдена" for "Джо Байден"). */
    private static final int MAX_ENDING = 2;

    private EntityGroups() {
    }

    /** One mention with the base form of its name and that name's key; whether the model made it as it is. */
    record Found(EntityMention mention, String name, String key, boolean byModel) {
        int words() {
            int words = 1;
            for (int i = 0; i < name.length(); i++) {
                words += name.charAt(i) == ' ' ? 1 : 0;
            }
            return words;
        }
    }

    /** The mentions, now with their entity's key, and the entities, most mentioned first. */
    record Result(List<EntityMention> mentions, List<EntityCount> entities) {
    }

    static Result of(List<Found> typedByMention, String language) {
        List<Found> mentions = withOneTypePerKey(typedByMention);
        Map<String, List<Found>> groups = new LinkedHashMap<>();
        for (Found found : mentions) {
            groups.computeIfAbsent(found.mention().type() + "\u0000" + found.key(), k -> new ArrayList<>()).add(found);
        }
        mergeShortNames(groups, language);
        mergeAcronyms(groups);
        Map<Found, String> keyOf = new java.util.IdentityHashMap<>();
        List<EntityCount> entities = new ArrayList<>();
        for (List<Found> group : groups.values()) {
            Found fullest = fullest(group);
            group.forEach(found -> keyOf.put(found, fullest.key()));
            Double confidence = group.stream().map(found -> found.mention().confidence()).filter(c -> c != null)
                    .max(Double::compare).orElse(null);
            entities.add(new EntityCount(mostFrequentText(group), fullest.mention().type(), group.size(), fullest.name(),
                    fullest.key(), confidence));
        }
        entities.sort(Comparator.comparingInt(EntityCount::count).reversed()); // stable: first seen first on ties
        List<EntityMention> keyed = new ArrayList<>(mentions.size());
        for (Found found : mentions) {
            EntityMention m = found.mention();
            keyed.add(new EntityMention(m.text(), m.type(), m.field(), m.start(), m.end(), keyOf.get(found), m.confidence()));
        }
        return new Result(keyed, entities);
    }

    /**
     * Each mention retyped to the type its key's mentions are surest of, summing their confidences; on a tie, the
     * type seen first.
     */
    private static List<Found> withOneTypePerKey(List<Found> mentions) {
        Map<String, Map<EntityType, Double>> weights = new HashMap<>();
        for (Found found : mentions) {
            weights.computeIfAbsent(found.key(), k -> new LinkedHashMap<>())
                    .merge(found.mention().type(), Objects.requireNonNullElse(found.mention().confidence(), 0.0), Double::sum);
        }
        List<Found> retyped = new ArrayList<>(mentions.size());
        for (Found found : mentions) {
            EntityType type = surestType(weights.get(found.key()));
            EntityMention m = found.mention();
            retyped.add(type == m.type() ? found : new Found(new EntityMention(m.text(), type, m.field(), m.start(),
                    m.end(), m.key(), m.confidence()), found.name(), found.key(), found.byModel()));
        }
        return retyped;
    }

    private static EntityType surestType(Map<EntityType, Double> weights) {
        EntityType surest = null;
        for (Map.Entry<EntityType, Double> weight : weights.entrySet()) {
            if (surest == null || weight.getValue() > weights.get(surest)) {
                surest = weight.getKey();
            }
        }
        return surest;
    }

    private static void mergeShortNames(Map<String, List<Found>> groups, String language) {
        for (String shortKey : List.copyOf(groups.keySet())) {
            Found single = groups.get(shortKey).get(0);
            if (single.mention().type() == EntityType.PERSON && single.words() == 1) {
                // two people sharing the surname leave the short mention apart
                mergeIntoTheOnlyMatch(groups, shortKey, full -> full.mention().type() == EntityType.PERSON
                        && full.words() >= 2 && endsWith(full.name(), single, language));
            }
        }
    }

    /**
     * An acronym ("OTS") joins the entity of its type whose name it abbreviates ("Organization of Turkic States", by
     * {@link EntityAnnotator#acronym}), when exactly one does.
     */
    private static void mergeAcronyms(Map<String, List<Found>> groups) {
        for (String acronymKey : List.copyOf(groups.keySet())) {
            Found acronym = groups.get(acronymKey).get(0);
            if (EntityAnnotator.isAcronym(acronym.name())) {
                mergeIntoTheOnlyMatch(groups, acronymKey, full -> full.mention().type() == acronym.mention().type()
                        && abbreviates(acronym.name(), full.name()));
            }
        }
    }

    /** Moves the group under {@code key} into the one other group whose fullest mention matches; none or two: it stays. */
    private static void mergeIntoTheOnlyMatch(Map<String, List<Found>> groups, String key, Predicate<Found> matches) {
        String target = null;
        for (Map.Entry<String, List<Found>> other : groups.entrySet()) {
            if (other.getKey().equals(key) || !matches.test(fullest(other.getValue()))) {
                continue;
            }
            if (target != null) {
                return;
            }
            target = other.getKey();
        }
        if (target != null) {
            groups.get(target).addAll(groups.remove(key));
        }
    }

    private static boolean abbreviates(String acronym, String name) {
        return !name.isBlank() && EntityAnnotator.acronym(List.of(name.trim().split("\\s+"))).filter(acronym::equals).isPresent();
    }

    /** Whether a full name's last word is the one-word mention's name, by key or up to a case ending. */
    private static boolean endsWith(String fullName, Found single, String language) {
        String last = fullName.substring(fullName.lastIndexOf(' ') + 1);
        if (EntityKeys.of(last, language).equals(single.key())) {
            return true;
        }
        String lastLower = last.toLowerCase(Locale.ROOT);
        String singleLower = single.name().toLowerCase(Locale.ROOT);
        return lastLower.length() >= 3 && singleLower.startsWith(lastLower) && singleLower.length() - lastLower.length() <= MAX_ENDING;
    }

    /** The mention with the most words in its name; of those, the one whose name is most frequent. */
    private static Found fullest(List<Found> group) {
        Map<String, Integer> frequency = new LinkedHashMap<>();
        group.forEach(found -> frequency.merge(found.name(), 1, Integer::sum));
        return group.stream().max(Comparator.comparingInt(Found::words)
                .thenComparingInt(found -> frequency.get(found.name()))).orElseThrow();
    }

    /** The most frequent text as written, then the longest. */
    private static String mostFrequentText(List<Found> group) {
        Map<String, Integer> surfaces = new LinkedHashMap<>();
        group.forEach(found -> surfaces.merge(found.mention().text(), 1, Integer::sum));
        return surfaces.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(e -> e.getKey().length()))
                .orElseThrow().getKey();
    }
}
