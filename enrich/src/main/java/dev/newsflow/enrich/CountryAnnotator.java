package dev.newsflow.enrich;

import com.ibm.icu.text.Transliterator;
import dev.newsflow.enrich.ner.PlaceGazetteer;
import dev.newsflow.enrich.text.Tokenizer;
import dev.newsflow.enrich.text.Token;
import dev.newsflow.events.EntityMention;
import dev.newsflow.events.EntityType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The countries an article is about: every location mention that names a country or a city of one
 * (Samarkand is UZ) counts for that country; countries are ordered by mentions, then by first appearance.
 * Only locations count, so a person called Baghdad never makes an article about Iraq. Thread-safe.
 */
final class CountryAnnotator implements Annotator {

    private final PlaceGazetteer gazetteer;
    private final ThreadLocal<Transliterator> uzbekToLatin =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("uz_Cyrl-uz_Latn"));

    CountryAnnotator(PlaceGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public void annotate(Document document) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (EntityMention mention : document.mentions()) {
            if (mention.type() == EntityType.LOCATION) {
                country(normalizeScript(mention.text(), document), document.language()).ifPresent(code -> counts.merge(code, 1, Integer::sum));
            }
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        document.setCountries(ranked.stream().map(Map.Entry::getKey).toList());
    }

    /** The country of a location name: the whole name if known, else its longest known part ("Samarkand region"). */
    private Optional<String> country(String name, String language) {
        List<String> words = Tokenizer.tokenize(name).stream().map(Token::text).toList();
        Optional<PlaceGazetteer.Place> whole = gazetteer.lookup(words, language);
        if (whole.isPresent()) {
            return Optional.ofNullable(whole.get().country());
        }
        for (int length = words.size() - 1; length >= 1; length--) {
            for (int start = 0; start + length <= words.size(); start++) {
                Optional<PlaceGazetteer.Place> part = gazetteer.lookup(words.subList(start, start + length), language);
                if (part.isPresent() && part.get().country() != null) {
                    return Optional.of(part.get().country());
                }
            }
        }
        return Optional.empty();
    }

    /** Uzbek Cyrillic names are looked up in Latin, the script of the Uzbek place names. */
    private String normalizeScript(String name, Document document) {
        return "uz".equals(document.language()) && "Cyrl".equals(document.script())
                ? uzbekToLatin.get().transliterate(name) : name;
    }
}
