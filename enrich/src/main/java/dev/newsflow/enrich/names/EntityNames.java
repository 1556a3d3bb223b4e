package dev.newsflow.enrich.names;

import dev.newsflow.enrich.ner.PlaceGazetteer;
import dev.newsflow.events.EntityKeys;
import dev.newsflow.events.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Canonical names and keys of entity mentions: the base form of a name in its language (Russian through the
 * morphological dictionary of {@link RussianMorphology}, the Turkic languages through {@link TurkicSuffixes}, the
 * English possessive dropped), and its {@link EntityKeys key}; a place the gazetteer knows is keyed by its English
 * name, so Германия, Germany, Germaniya and Almanya share one. Thread-safe.
 */
public final class EntityNames {
    private final RussianMorphology russian;
    private final PlaceGazetteer gazetteer;

    public EntityNames(RussianMorphology russian, PlaceGazetteer gazetteer) {
        this.russian = russian;
        this.gazetteer = gazetteer;
    }

    /** The base form of each word of a name written in {@code language}; as many words as given. */
    public List<String> baseForm(List<String> words, EntityType type, String language) {
        if (words.isEmpty()) {
            return words;
        }
        if ("ru".equals(language)) {
            return russian.baseForm(words, type);
        }
        int last = words.size() - 1;
        String word = words.get(last);
        String base = word;
        if ("en".equals(language)) {
            base = withoutPossessive(word);
        } else if (TurkicSuffixes.applies(language) && !gazetteer.isExactName(words)) {
            base = TurkicSuffixes.strip(word, language);
        }
        if (base.equals(word)) {
            return words;
        }
        List<String> result = new ArrayList<>(words);
        result.set(last, base);
        return result;
    }

    /**
     * Whether the dictionary says a Russian name cannot be one: its words are never nouns or adjectives ("Читать
     * далее", "Подписаться"), or it is one word that is only an adjective or only an infinitive ("Самое",
     * "Московский", "Читать").
     */
    public boolean isNoName(List<String> words, String language) {
        if (!"ru".equals(language)) {
            return false;
        }
        return words.size() == 1 ? russian.isOnlyAdjectiveOrInfinitive(words.get(0))
                : words.stream().allMatch(russian::isNeverNominal);
    }

    /** Whether the dictionary knows a word of {@code language} as a person's name. */
    public boolean isPersonName(String word, String language) {
        return "ru".equals(language) && russian.isPersonName(word);
    }

    /**
     * The key of a canonical name; a place the gazetteer knows by the words as written (inflection-tolerant: it
     * knows Астане as Astana, where the dictionary's base form may be Астан) is keyed by its English name.
     */
    public String key(String name, List<String> words, EntityType type, String language) {
        if (type == EntityType.LOCATION) {
            Optional<PlaceGazetteer.Place> place = gazetteer.lookup(words, language);
            if (place.isPresent() && place.get().english() != null) {
                return EntityKeys.of(place.get().english(), "en");
            }
        }
        return EntityKeys.of(name, language);
    }

    private static String withoutPossessive(String word) {
        for (String suffix : List.of("'s", "’s")) {
            if (word.endsWith(suffix) && word.length() > suffix.length() + 1) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }
}
