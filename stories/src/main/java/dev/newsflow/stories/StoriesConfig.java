package dev.newsflow.stories;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Settings of the story grouping, validated on construction. Immutable and thread-safe.
 *
 * <p>Every setting has a key, a type, a default and a doc line ({@link #KEYS}); {@link #fromMap(Map)} reads them
 * from flags, environment or a properties file after the caller has merged those. An invalid value throws
 * {@link StoriesConfigException} naming the key. The weights and the join threshold were tuned on the tuning part
 * of the benchmark data only (see the module README).
 *
 * <p>How they combine ({@link StoryIndex}): a candidate story's score is
 * {@code text * weightText + title * weightTitle + entities * weightEntities + places * weightPlaces
 * + countries * weightCountries + keywords * weightKeywords}, times {@code 1 - placeConflictPenalty} when both
 * name places (other than countries) and none agree, times {@code exp(-hours past the first day / timeScale)}; the article joins the best
 * story whose score reaches {@code joinThreshold}, else it opens a story. A story none of whose articles is in
 * the article's language is scored on entities, places and countries alone, their weighted mean in 0..1,
 * against {@code crossLingualThreshold}.
 *
 * @param joinThreshold        score at or above which an article joins a story ({@value #JOIN_THRESHOLD})
 * @param crossLingualThreshold score at or above which an article joins a story none of whose articles is in
 *                             its language; text, title and keywords cannot agree there, so the score is
 *                             entities, places and countries alone ({@value #CROSS_LINGUAL_THRESHOLD})
 * @param weightText           weight of the TF-IDF cosine of title and body stems ({@value #WEIGHT_TEXT})
 * @param weightTitle          weight of the TF-IDF cosine of title stems ({@value #WEIGHT_TITLE})
 * @param weightEntities       weight of the shared entity keys ({@value #WEIGHT_ENTITIES})
 * @param weightPlaces         weight of the shared place keys ({@value #WEIGHT_PLACES})
 * @param weightCountries      weight of the shared countries ({@value #WEIGHT_COUNTRIES})
 * @param weightKeywords       weight of the shared keywords ({@value #WEIGHT_KEYWORDS})
 * @param placeConflictPenalty share of the score taken away when article and story both name places (other
 *                             than countries) and share none: two events of one kind in two cities
 *                             ({@value #PLACE_CONFLICT_PENALTY})
 * @param timeScale            how fast the score fades once the article is more than a day from the story's
 *                             last article ({@value #TIME_SCALE})
 * @param quietPeriod          a story with no new article for this long is closed ({@value #QUIET_PERIOD})
 * @param articleWindow        how long an article is remembered for term statistics and for the duplicates
 *                             that inherit its story ({@value #ARTICLE_WINDOW})
 * @param maxCandidates        stories scored in full per article, the best by index hits ({@value #MAX_CANDIDATES})
 * @param maxKeyPostings       an index key shared by more open stories than this is too common to find
 *                             candidates by ({@value #MAX_KEY_POSTINGS})
 */
public record StoriesConfig(
        double joinThreshold,
        double crossLingualThreshold,
        double weightText,
        double weightTitle,
        double weightEntities,
        double weightPlaces,
        double weightCountries,
        double weightKeywords,
        double placeConflictPenalty,
        Duration timeScale,
        Duration quietPeriod,
        Duration articleWindow,
        int maxCandidates,
        int maxKeyPostings) {

    public static final String JOIN_THRESHOLD = "stories.threshold.join";
    public static final String CROSS_LINGUAL_THRESHOLD = "stories.threshold.join.crosslingual";
    public static final String WEIGHT_TEXT = "stories.weight.text";
    public static final String WEIGHT_TITLE = "stories.weight.title";
    public static final String WEIGHT_ENTITIES = "stories.weight.entities";
    public static final String WEIGHT_PLACES = "stories.weight.places";
    public static final String WEIGHT_COUNTRIES = "stories.weight.countries";
    public static final String WEIGHT_KEYWORDS = "stories.weight.keywords";
    public static final String PLACE_CONFLICT_PENALTY = "stories.penalty.place.conflict";
    public static final String TIME_SCALE = "stories.time.scale";
    public static final String QUIET_PERIOD = "stories.quiet.period";
    public static final String ARTICLE_WINDOW = "stories.article.window";
    public static final String MAX_CANDIDATES = "stories.candidates.max";
    public static final String MAX_KEY_POSTINGS = "stories.key.postings.max";

    /** One documented setting: its key, default (as text) and meaning. */
    public record Key(String name, String defaultValue, String doc) {}

    /** All settings with their defaults, in the order a help text should list them. */
    public static final List<Key> KEYS = List.of(
            new Key(JOIN_THRESHOLD, "0.34", "score at or above which an article joins a story (0..2]"),
            new Key(CROSS_LINGUAL_THRESHOLD, "0.45",
                    "weighted mean of entities, places and countries at or above which an article joins a story in other languages (0..2]"),
            new Key(WEIGHT_TEXT, "0.55", "weight of the TF-IDF cosine of title and body stems (>= 0)"),
            new Key(WEIGHT_TITLE, "0.35", "weight of the TF-IDF cosine of title stems (>= 0)"),
            new Key(WEIGHT_ENTITIES, "0.3", "weight of the shared entity keys (>= 0)"),
            new Key(WEIGHT_PLACES, "0.1", "weight of the shared place keys (>= 0)"),
            new Key(WEIGHT_COUNTRIES, "0.05", "weight of the shared countries (>= 0)"),
            new Key(WEIGHT_KEYWORDS, "0.05", "weight of the shared keywords (>= 0)"),
            new Key(PLACE_CONFLICT_PENALTY, "0.5",
                    "share of the score taken away when article and story both name places and share none (0..1)"),
            new Key(TIME_SCALE, "PT48H", "ISO-8601 duration over which the score fades past the first day"),
            new Key(QUIET_PERIOD, "PT72H", "ISO-8601 duration without a new article after which a story closes"),
            new Key(ARTICLE_WINDOW, "PT168H",
                    "ISO-8601 duration an article is remembered for term statistics and duplicates (>= quiet period)"),
            new Key(MAX_CANDIDATES, "40", "stories scored in full per article (1..10000)"),
            new Key(MAX_KEY_POSTINGS, "500",
                    "an index key shared by more open stories than this finds no candidates (1..1000000)"));

    private static final Set<String> KNOWN = Set.copyOf(KEYS.stream().map(Key::name).toList());

    public StoriesConfig {
        if (!(joinThreshold > 0.0 && joinThreshold <= 2.0)) {
            throw new StoriesConfigException(JOIN_THRESHOLD, "must be within (0, 2], was " + joinThreshold);
        }
        if (!(crossLingualThreshold > 0.0 && crossLingualThreshold <= 2.0)) {
            throw new StoriesConfigException(CROSS_LINGUAL_THRESHOLD, "must be within (0, 2], was " + crossLingualThreshold);
        }
        requireWeight(WEIGHT_TEXT, weightText);
        requireWeight(WEIGHT_TITLE, weightTitle);
        requireWeight(WEIGHT_ENTITIES, weightEntities);
        requireWeight(WEIGHT_PLACES, weightPlaces);
        requireWeight(WEIGHT_COUNTRIES, weightCountries);
        requireWeight(WEIGHT_KEYWORDS, weightKeywords);
        if (!(placeConflictPenalty >= 0.0 && placeConflictPenalty <= 1.0)) {
            throw new StoriesConfigException(PLACE_CONFLICT_PENALTY, "must be within 0..1, was " + placeConflictPenalty);
        }
        if (weightEntities + weightPlaces + weightCountries == 0) {
            throw new StoriesConfigException(WEIGHT_ENTITIES, "entities, places and countries cannot all weigh 0");
        }
        requirePositive(TIME_SCALE, timeScale);
        requirePositive(QUIET_PERIOD, quietPeriod);
        requirePositive(ARTICLE_WINDOW, articleWindow);
        if (articleWindow.compareTo(quietPeriod) < 0) {
            throw new StoriesConfigException(ARTICLE_WINDOW, "must not be shorter than " + QUIET_PERIOD + " ("
                    + quietPeriod + "), was " + articleWindow);
        }
        requireRange(MAX_CANDIDATES, maxCandidates, 1, 10_000);
        requireRange(MAX_KEY_POSTINGS, maxKeyPostings, 1, 1_000_000);
    }

    /** The documented defaults. */
    public static StoriesConfig defaults() {
        return fromMap(Map.of());
    }

    /**
     * Reads settings from a map of key to value (values as text or of the right type); missing keys take their
     * default. Keys starting with {@code stories.} that this class does not know are rejected, so a typo is not
     * silently ignored; other keys are left for other components.
     *
     * @throws StoriesConfigException naming the first key whose value is invalid
     */
    public static StoriesConfig fromMap(Map<String, ?> values) {
        Set<String> unknown = new TreeSet<>();
        for (String key : values.keySet()) {
            if (key.startsWith("stories.") && !KNOWN.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new StoriesConfigException(unknown.iterator().next(), "unknown key; known keys are " + new TreeSet<>(KNOWN));
        }
        return new StoriesConfig(
                read(values, JOIN_THRESHOLD, Double::parseDouble),
                read(values, CROSS_LINGUAL_THRESHOLD, Double::parseDouble),
                read(values, WEIGHT_TEXT, Double::parseDouble),
                read(values, WEIGHT_TITLE, Double::parseDouble),
                read(values, WEIGHT_ENTITIES, Double::parseDouble),
                read(values, WEIGHT_PLACES, Double::parseDouble),
                read(values, WEIGHT_COUNTRIES, Double::parseDouble),
                read(values, WEIGHT_KEYWORDS, Double::parseDouble),
                read(values, PLACE_CONFLICT_PENALTY, Double::parseDouble),
                read(values, TIME_SCALE, Duration::parse),
                read(values, QUIET_PERIOD, Duration::parse),
                read(values, ARTICLE_WINDOW, Duration::parse),
                read(values, MAX_CANDIDATES, Integer::parseInt),
                read(values, MAX_KEY_POSTINGS, Integer::parseInt));
    }

    private static <T> T read(Map<String, ?> values, String key, Function<String, T> parse) {
        Object raw = values.get(key);
        String text = raw == null ? defaultOf(key) : raw.toString().trim();
        try {
            return parse.apply(text);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new StoriesConfigException(key, "cannot parse '" + text + "' (" + e.getMessage() + ")");
        }
    }

    private static String defaultOf(String key) {
        return KEYS.stream().filter(k -> k.name().equals(key)).findFirst().orElseThrow().defaultValue();
    }

    private static void requireWeight(String key, double value) {
        if (!(value >= 0.0 && value <= 10.0)) {
            throw new StoriesConfigException(key, "must be within 0..10, was " + value);
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new StoriesConfigException(key, "must be a positive duration, was " + value);
        }
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new StoriesConfigException(key, "must be within " + min + ".." + max + ", was " + value);
        }
    }
}
