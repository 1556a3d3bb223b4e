package dev.newsflow.stories;

import com.ibm.icu.util.ULocale;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityType;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The entity-key skeletons of country names (CLDR, in the seven languages of the pipeline and English). Stories
 * compare countries through the enrichment's ISO codes; a country's name among the entities would make every
 * article about a region look like every other, so {@link Featurizer} leaves those words out of entities and places.
 * Immutable after construction and thread-safe.
 */
final class CountryNames {

    private static final String[] LANGUAGES = {"en", "ru", "uz", "kk", "ky", "tr", "az"};

    private final Set<String> skeletons = new HashSet<>();

    CountryNames(EntityKeyer keyer) {
        for (String code : Locale.getISOCountries()) {
            ULocale country = new ULocale("", code);
            for (String language : LANGUAGES) {
                String name = country.getDisplayCountry(new ULocale(language));
                if (name.isBlank() || name.equals(code)) {
                    continue;
                }
                for (String word : keyer.key(new EntityCount(name, EntityType.LOCATION, 1), language).split(" ")) {
                    if (!word.isEmpty()) {
                        skeletons.add(EntityKeys.skeleton(word));
                    }
                }
            }
        }
    }

    /** Whether this skeleton is a word of some country's name. */
    boolean contains(String skeleton) {
        return skeletons.contains(skeleton);
    }
}
