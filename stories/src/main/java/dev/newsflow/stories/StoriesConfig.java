package dev.newsflow.stories;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the story grouping, validated on construction. Immutable and thread-safe.
 *
 * <p>Every setting has a key, a type, a default, a validator and a doc line ({@link #DEFINITION}); {@link #fromMap(Map)} reads them
 * from flags, environment or a properties file after the caller has merged those. An invalid value throws
 * {@link StoriesConfigException} naming the key. The short-article threshold and the weights were tuned on the
 * tuning part of the benchmark's headlines only; the join threshold of full articles on the full-text scenarios of
 * the tests, as no full articles labelled by event were at hand (see the module README).
 *
 * <p>How they combine ({@link StoryIndex}): a candidate story's score is
 * {@code text * weightText + title * weightTitle + entities * weightEntities + places * weightPlaces
 * + countries * weightCountries + keywords * weightKeywords}, times {@code 1 - placeConflictPenalty} when both
 * name places (other than countries) and none agree, times {@code exp(-hours past the first day / timeScale)};
 * the article joins the best story whose score reaches {@code joinThreshold} ({@code shortThreshold} when the
 * article has fewer than {@code shortTerms} distinct stems and the story is younger than {@code shortWindow}: a
 * headline or a teaser shares few stems with any story), else it opens a story. A story none of whose articles is in the article's language is scored on
 * entities, places and countries alone, their weighted mean in 0..1, against {@code crossLingualThreshold}.
 *
 * @param joinThreshold        score at or above which an article joins a story ({@value #JOIN_THRESHOLD})
 * @param shortThreshold       score at or above which an article with fewer than {@code shortTerms} distinct stems
 *                             joins a story ({@value #SHORT_THRESHOLD})
 * @param shortTerms           articles with fewer distinct title and body stems than this are short
 *                             ({@value #SHORT_TERMS})
 * @param shortWindow          how long after a story's first article a short article may join it at
 *                             {@code shortThreshold} ({@value #SHORT_WINDOW})
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
 *                             first article ({@value #TIME_SCALE})
 * @param quietPeriod          a story with no new article for this long is closed ({@value #QUIET_PERIOD})
 * @param articleWindow        how long an article is remembered for term statistics and for the duplicates
 *                             that inherit its story ({@value #ARTICLE_WINDOW})
 * @param maxCandidates        stories scored in full per article, the best by index hits ({@value #MAX_CANDIDATES})
 * @param maxKeyPostings       an index key shared by more open stories than this is too common to find
 *                             candidates by ({@value #MAX_KEY_POSTINGS})
 * @param duplicateWait        how much later (in pipeline time) an enriched article may arrive before a duplicate
 *                             still waiting for its original is judged on its own text ({@value #DUPLICATE_WAIT})
 */
public record StoriesConfig(
        double joinThreshold,
        double shortThreshold,
        int shortTerms,
        Duration shortWindow,
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
        int maxKeyPostings,
        Duration duplicateWait) {

    public static final String JOIN_THRESHOLD = "stories.threshold.join";
    public static final String SHORT_THRESHOLD = "stories.threshold.join.short";
    public static final String SHORT_TERMS = "stories.short.terms";
    public static final String SHORT_WINDOW = "stories.short.window";
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
    public static final String DUPLICATE_WAIT = "stories.duplicate.wait";

    private static final ConfigDef.Validator THRESHOLD = ConfigDef.LambdaValidator.with((name, value) -> {
        double threshold = (Double) value;
        if (!(threshold > 0.0 && threshold <= 2.0)) {
            throw new ConfigException(name, value, "must be within (0, 2]");
        }
    }, () -> "(0, 2]");
    private static final ConfigDef.Validator WEIGHT = Range.between(0.0, 10.0);
    private static final ConfigDef.Validator DURATION = ConfigDef.LambdaValidator.with(
            (name, value) -> parseDuration(name, (String) value), () -> "an ISO-8601 duration such as PT72H or P7D");

    /**
     * Every setting with its type, default, validator and doc, the way Kafka defines its own; {@code newsflow
     * config} lists them. Checks that span keys (the article window is not shorter than the quiet period) are in
     * the compact constructor.
     */
    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(JOIN_THRESHOLD, Type.DOUBLE, 0.34, THRESHOLD, Importance.HIGH,
                    "Score at or above which an article joins a story, in (0, 2].")
            .define(SHORT_THRESHOLD, Type.DOUBLE, 0.10, THRESHOLD, Importance.MEDIUM,
                    "Score at or above which a short article (a headline, a teaser: fewer than " + SHORT_TERMS
                            + " distinct stems) joins a story, in (0, 2].")
            .define(SHORT_TERMS, Type.INT, 20, Range.between(0, 10_000), Importance.LOW,
                    "An article with fewer distinct title and body stems than this is judged against " + SHORT_THRESHOLD
                            + "; 0 judges every article against " + JOIN_THRESHOLD + ".")
            .define(SHORT_WINDOW, Type.STRING, "PT6H", DURATION, Importance.LOW,
                    "ISO-8601 duration after a story's first article during which a short article may join it at "
                            + SHORT_THRESHOLD + "; later it needs " + JOIN_THRESHOLD + ".")
            .define(CROSS_LINGUAL_THRESHOLD, Type.DOUBLE, 0.45, THRESHOLD, Importance.MEDIUM,
                    "Weighted mean of entities, places and countries at or above which an article joins a story none "
                            + "of whose articles is in its language, in (0, 2].")
            .define(WEIGHT_TEXT, Type.DOUBLE, 0.55, WEIGHT, Importance.MEDIUM,
                    "Weight of the TF-IDF cosine of title and body stems.")
            .define(WEIGHT_TITLE, Type.DOUBLE, 0.35, WEIGHT, Importance.MEDIUM, "Weight of the TF-IDF cosine of title stems.")
            .define(WEIGHT_ENTITIES, Type.DOUBLE, 0.3, WEIGHT, Importance.MEDIUM, "Weight of the shared entity keys.")
            .define(WEIGHT_PLACES, Type.DOUBLE, 0.1, WEIGHT, Importance.LOW, "Weight of the shared places.")
            .define(WEIGHT_COUNTRIES, Type.DOUBLE, 0.05, WEIGHT, Importance.LOW, "Weight of the shared countries.")
            .define(WEIGHT_KEYWORDS, Type.DOUBLE, 0.05, WEIGHT, Importance.LOW, "Weight of the shared keywords.")
            .define(PLACE_CONFLICT_PENALTY, Type.DOUBLE, 0.5, Range.between(0.0, 1.0), Importance.MEDIUM,
                    "Share of the score taken away when article and story both name places and share none.")
            .define(TIME_SCALE, Type.STRING, "PT48H", DURATION, Importance.LOW,
                    "ISO-8601 duration over which the score fades once the article is more than a day after the story's start.")
            .define(QUIET_PERIOD, Type.STRING, "PT72H", DURATION, Importance.MEDIUM,
                    "ISO-8601 duration without a new article after which a story closes.")
            .define(ARTICLE_WINDOW, Type.STRING, "PT168H", DURATION, Importance.LOW,
                    "ISO-8601 duration an article is remembered for term statistics and duplicates; not shorter than "
                            + QUIET_PERIOD + ".")
            .define(MAX_CANDIDATES, Type.INT, 40, Range.between(1, 10_000), Importance.LOW,
                    "Stories scored in full per article, the best by index hits.")
            .define(MAX_KEY_POSTINGS, Type.INT, 500, Range.between(1, 1_000_000), Importance.LOW,
                    "An index key shared by more open stories than this is too common to find candidates by.")
            .define(DUPLICATE_WAIT, Type.STRING, "PT5M", DURATION, Importance.LOW,
                    "ISO-8601 duration of pipeline time a duplicate that arrived before its original waits for it (the "
                            + "original is still being enriched); after it, the duplicate is judged on its own text.");

    public StoriesConfig {
        if (!(joinThreshold > 0.0 && joinThreshold <= 2.0)) {
            throw new StoriesConfigException(JOIN_THRESHOLD, "must be within (0, 2], was " + joinThreshold);
        }
        if (!(shortThreshold > 0.0 && shortThreshold <= 2.0)) {
            throw new StoriesConfigException(SHORT_THRESHOLD, "must be within (0, 2], was " + shortThreshold);
        }
        requireRange(SHORT_TERMS, shortTerms, 0, 10_000);
        requirePositive(SHORT_WINDOW, shortWindow);
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
        requirePositive(DUPLICATE_WAIT, duplicateWait);
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
            if (key.startsWith("stories.") && !DEFINITION.names().contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new StoriesConfigException(unknown.iterator().next(), "unknown key; known keys are " + new TreeSet<>(DEFINITION.names()));
        }
        return new StoriesConfig(
                (Double) parsed(values, JOIN_THRESHOLD),
                (Double) parsed(values, SHORT_THRESHOLD),
                (Integer) parsed(values, SHORT_TERMS),
                parseDuration(SHORT_WINDOW, (String) parsed(values, SHORT_WINDOW)),
                (Double) parsed(values, CROSS_LINGUAL_THRESHOLD),
                (Double) parsed(values, WEIGHT_TEXT),
                (Double) parsed(values, WEIGHT_TITLE),
                (Double) parsed(values, WEIGHT_ENTITIES),
                (Double) parsed(values, WEIGHT_PLACES),
                (Double) parsed(values, WEIGHT_COUNTRIES),
                (Double) parsed(values, WEIGHT_KEYWORDS),
                (Double) parsed(values, PLACE_CONFLICT_PENALTY),
                parseDuration(TIME_SCALE, (String) parsed(values, TIME_SCALE)),
                parseDuration(QUIET_PERIOD, (String) parsed(values, QUIET_PERIOD)),
                parseDuration(ARTICLE_WINDOW, (String) parsed(values, ARTICLE_WINDOW)),
                (Integer) parsed(values, MAX_CANDIDATES),
                (Integer) parsed(values, MAX_KEY_POSTINGS),
                parseDuration(DUPLICATE_WAIT, (String) parsed(values, DUPLICATE_WAIT)));
    }

    /** The value of {@code key} (given or default) parsed to its type and validated. */
    private static Object parsed(Map<String, ?> values, String key) {
        ConfigDef.ConfigKey definition = DEFINITION.configKeys().get(key);
        Object raw = values.containsKey(key) ? values.get(key) : definition.defaultValue;
        try {
            Object value = ConfigDef.parseType(key, raw instanceof String text ? text.trim() : raw, definition.type);
            if (definition.validator != null) {
                definition.validator.ensureValid(key, value);
            }
            return value;
        } catch (ConfigException e) {
            throw new StoriesConfigException(key, e.getMessage());
        }
    }

    private static Duration parseDuration(String key, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException(key, text, "not an ISO-8601 duration such as PT72H or P7D");
        }
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
