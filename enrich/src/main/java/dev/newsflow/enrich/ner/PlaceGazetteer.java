package dev.newsflow.enrich.ner;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import dev.newsflow.enrich.text.Token;
import dev.newsflow.enrich.text.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names of countries, world regions and major cities in the seven languages, from the CLDR data in ICU
 * (country and region display names; time-zone exemplar cities, which map to their country) plus a small
 * list of capitals and regional centres that have no time zone ({@code places.tsv}).
 *
 * <p>Matching works on token sequences and tolerates inflection in the languages that inflect names:
 * Turkish and Azerbaijani suffixes after an apostrophe ({@code Türkiye'de}) and short case endings in
 * Russian, Kazakh, Kyrgyz, Uzbek, Turkish and Azerbaijani ({@code Казахстане}, {@code Oʻzbekistonda},
 * {@code Турции}). Immutable after construction and thread-safe.
 */
public final class PlaceGazetteer {

    /** What kind of place a name stands for. */
    public enum Kind { COUNTRY, REGION, CITY }

    /**
     * A known place: its kind, ISO 3166-1 alpha-2 country (null for a world region such as Europe), and its English
     * name, the same whatever language it was found in (null for the cities of {@code places.tsv}, listed by country).
     */
    public record Place(Kind kind, String country, String english) {
    }

    /** A match of {@code length} tokens starting at {@code start}. */
    public record Match(int start, int length, Place place) {
    }

    static final int MAX_WORDS = 4;
    private static final int MIN_STEM = 4;
    private static final int MIN_CUT_NAME = 4;
    private static final int MAX_ENDING = 3;
    private static final Set<String> INFLECTING = Set.of("ru", "kk", "ky", "uz", "tr", "az");
    private static final List<String> LOCALES = List.of("en", "ru", "uz", "uz_Cyrl", "kk", "ky", "tr", "az");
    /** Continents and world regions; not 001, the World: "World Bank", "World Cup", and Russian "мир" is "peace". */
    private static final List<String> REGIONS = List.of("002", "005", "009", "011", "013", "014", "015",
            "017", "018", "019", "021", "029", "030", "034", "035", "039", "053", "054", "057", "061", "142", "143",
            "145", "150", "151", "154", "155", "419");
    /** Exemplar cities that are far more often people's names or common words than the place itself. */
    private static final Set<String> AMBIGUOUS = Set.of("davis", "casey", "palmer", "darwin", "regina", "wake",
            "nome", "resolute", "eucla", "troll", "vostok", "mawson", "rothera", "macquarie", "syowa", "mcmurdo",
            "dumontdurville", "faroe", "jersey", "guernsey", "man", "bahia", "metlakatla", "sitka", "thule",
            "boise", "phoenix", "denver", "chita", "kirov", "marengo", "tell city", "petersburg", "vevay",
            "winamac", "knox", "monticello", "salem", "center", "new salem", "beulah", "creston", "dawson",
            "inuvik", "iqaluit", "detroit", "chicago", "indianapolis", "louisville", "vincennes", "st. helena",
            "midway", "truk", "pohnpei", "kosrae", "easter", "galapagos", "noronha", "marquesas", "gambier",
            "pitcairn", "johnston", "enderbury", "kanton", "tarawa", "majuro", "kwajalein", "chatham", "norfolk",
            "lord howe", "broken hill", "currie", "lindeman", "cocos", "christmas", "reunion", "mayotte", "cayenne",
            "coral harbour", "atikokan", "merida", "matamoros", "bahia banderas", "ojinaga", "chihuahua",
            "mazatlan", "hermosillo", "santa isabel", "ensenada", "tijuana", "rankin inlet", "cambridge bay",
            "yellowknife", "whitehorse", "swift current", "glace bay", "goose bay", "moncton", "blanc-sablon",
            "thunder bay", "nipigon", "rainy river", "pangnirtung", "danmarkshavn", "scoresbysund", "ittoqqortoormiit",
            "boa vista", "porto velho", "rio branco", "eirunepe", "araguaina", "belem", "fortaleza", "recife",
            "maceio", "santarem", "cuiaba", "campo grande", "kralendijk", "lower princes", "marigot", "st. barthelemy",
            "ust-nera", "khandyga", "srednekolymsk", "anadyr", "oral", "aqtau", "aqtobe", "atyrau", "qostanay",
            "qyzylorda", "famagusta", "busingen", "uzhgorod", "zaporozhye", "simferopol");
    private static final String APOSTROPHES = "'’‘`ʼʻ";
    private static final LocaleDisplayNames ENGLISH = LocaleDisplayNames.getInstance(ULocale.ENGLISH);
    private static final TimeZoneNames ENGLISH_ZONES = TimeZoneNames.getInstance(ULocale.ENGLISH);

    private final Map<String, Place> exact = new HashMap<>();
    private final Map<String, Place> stems = new HashMap<>();
    /** The first words of every name of several words ("new", "new york" of "new york city"), as keys. */
    private final Set<String> heads = new HashSet<>();

    private PlaceGazetteer() {
    }

    /** Builds the gazetteer from ICU's locale data and the bundled list (about 0.2 s). */
    public static PlaceGazetteer fromLocaleData() {
        PlaceGazetteer gazetteer = new PlaceGazetteer();
        for (String id : LOCALES) {
            ULocale locale = new ULocale(id);
            gazetteer.addCountries(locale);
            gazetteer.addCities(locale);
        }
        gazetteer.addBundled();
        gazetteer.rememberHeads();
        return gazetteer;
    }

    private void addCountries(ULocale locale) {
        LocaleDisplayNames full = LocaleDisplayNames.getInstance(locale);
        for (String code : ULocale.getISOCountries()) {
            addName(full.regionDisplayName(code), new Place(Kind.COUNTRY, code, ENGLISH.regionDisplayName(code)), code);
        }
        for (String code : REGIONS) {
            addName(full.regionDisplayName(code), new Place(Kind.REGION, null, ENGLISH.regionDisplayName(code)), code);
        }
    }

    private void addCities(ULocale locale) {
        TimeZoneNames names = TimeZoneNames.getInstance(locale);
        for (String zone : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
            if (zone.startsWith("Antarctica/") || zone.startsWith("Etc/")) {
                continue;
            }
            String region = TimeZone.getRegion(zone);
            String city = names.getExemplarLocationName(zone);
            if (region != null && region.length() == 2 && city != null) {
                addName(city, new Place(Kind.CITY, region, ENGLISH_ZONES.getExemplarLocationName(zone)), region);
            }
        }
    }

    private void addBundled() {
        try (InputStream in = PlaceGazetteer.class.getResourceAsStream("/dev/newsflow/enrich/ner/places.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource /dev/newsflow/enrich/ner/places.tsv");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                String country = parts[0].strip();
                Kind kind = Kind.valueOf(parts[1].strip());
                String english = kind == Kind.COUNTRY ? ENGLISH.regionDisplayName(country) : null;
                for (int i = 2; i < parts.length; i++) {
                    addName(parts[i].strip(), new Place(kind, country, english), country);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rememberHeads() {
        for (Set<String> keys : List.of(exact.keySet(), stems.keySet())) {
            for (String key : keys) {
                for (int space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) {
                    heads.add(key.substring(0, space));
                }
            }
        }
    }

    private void addName(String name, Place place, String code) {
        if (name == null || name.equals(code) || name.isBlank()) {
            return;
        }
        int paren = name.indexOf(" (");
        String base = paren > 0 ? name.substring(0, paren) : name;
        if (base.contains(" - ") || base.contains(",")) {
            return; // "Congo - Kinshasa", "Korea, North": no reader writes these
        }
        List<Token> tokens = Tokenizer.tokenize(base);
        if (tokens.isEmpty() || tokens.size() > MAX_WORDS) {
            return;
        }
        String key = key(tokens.stream().map(Token::text).toList());
        if (AMBIGUOUS.contains(key)) {
            return;
        }
        exact.putIfAbsent(key, place);
        String stem = stripFinalVowel(key);
        if (!stem.equals(key) && lastWordLength(stem) >= MIN_STEM) {
            stems.putIfAbsent(stem, place);
        }
    }

    /**
     * The longest place name starting at token {@code start}, if any. Only a capitalized first token starts a
     * match: lower-case "turkey" is the bird.
     */
    public Optional<Match> match(List<String> tokens, int start, String language) {
        if (!Character.isUpperCase(tokens.get(start).codePointAt(0))) {
            return Optional.empty();
        }
        boolean inflects = INFLECTING.contains(language);
        // a name of n words can only start with the first n-1 words of a known name: most capitalized words
        // start none, and are then looked up alone
        int longest = Math.min(MAX_WORDS, tokens.size() - start);
        int known = 1;
        while (known < longest && heads.contains(key(tokens.subList(start, start + known)))) {
            known++;
        }
        for (int length = known; length >= 1; length--) {
            Place place = lookup(tokens.subList(start, start + length), inflects);
            if (place != null) {
                return Optional.of(new Match(start, length, place));
            }
        }
        return Optional.empty();
    }

    /** The place a whole name stands for (allowing an inflected last word), if known. */
    public Optional<Place> lookup(List<String> words, String language) {
        return Optional.ofNullable(lookup(words, INFLECTING.contains(language)));
    }

    private Place lookup(List<String> words, boolean inflects) {
        String key = key(words);
        Place place = exact.get(key);
        if (place != null) {
            return place;
        }
        int lastStart = key.lastIndexOf(' ') + 1;
        String head = key.substring(0, lastStart);
        String last = key.substring(lastStart);
        int apostrophe = last.indexOf('ʻ');
        if (apostrophe > 0) { // Türkiye'de, Samarkand's
            place = exact.get(head + last.substring(0, apostrophe));
            if (place != null) {
                return place;
            }
        }
        if (!inflects) {
            return null;
        }
        for (int cut = 0; cut <= MAX_ENDING && last.length() - cut >= MIN_CUT_NAME; cut++) {
            String candidate = head + last.substring(0, last.length() - cut);
            place = cut > 0 ? exact.get(candidate) : null;
            if (place == null && cut > 0) {
                place = stems.get(candidate);
            }
            if (place != null) {
                return place;
            }
        }
        return null;
    }

    /** Whether the words are a known place's name exactly as written (no ending cut): "Kanada", "Алматы". */
    public boolean isExactName(List<String> words) {
        return exact.containsKey(key(words));
    }

    /** Lower case, one space between words, every apostrophe as ʻ, no combining dot (İstanbul). */
    static String key(List<String> words) {
        StringBuilder key = new StringBuilder(24);
        for (String word : words) {
            if (key.length() > 0) {
                key.append(' ');
            }
            String lower = word.toLowerCase(Locale.ROOT);
            for (int i = 0; i < lower.length(); i++) {
                char c = lower.charAt(i);
                if (c == '\u0307') {
                    continue;
                }
                key.append(APOSTROPHES.indexOf(c) >= 0 ? 'ʻ' : c);
            }
        }
        return key.toString();
    }

    /** Drops one final vowel or soft sign: Турция declines as Турци-и, Москва as Москв-е, Казань as Казан-и. */
    private static String stripFinalVowel(String key) {
        int end = key.length();
        return end > 0 && "aeiouyəıаеёиоуыэюяьйәөүұі".indexOf(key.charAt(end - 1)) >= 0 ? key.substring(0, end - 1) : key;
    }

    private static int lastWordLength(String key) {
        return key.length() - (key.lastIndexOf(' ') + 1);
    }

    /** Names known, for diagnostics. */
    public int size() {
        return exact.size();
    }
}
