package dev.newsflow.dedupe;

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
 * Settings of the duplicate detector, validated on construction. Immutable and thread-safe.
 *
 * <p>Every setting has a key, a type, a default and a doc line ({@link #DEFINITION}); {@link #fromMap(Map)} reads
 * them from flags, environment or a properties file after the caller has merged those. An invalid value
 * throws {@link DedupeConfigException} naming the key.
 *
 * <p>LSH banding: with {@code b} bands of {@code r = hashes / b} rows, two articles of Jaccard similarity
 * {@code s} become candidates with probability {@code 1 - (1 - s^r)^b}; the similarity at which that
 * probability is one half is about {@code (1/b)^(1/r)} ({@link #lshThreshold()}). The defaults (120 hashes,
 * 40 bands of 3 rows) put it at 0.29, well below the Jaccard threshold 0.5: a pair at exactly 0.5 becomes a
 * candidate with probability 0.995, at 0.6 with 0.9999. (32 bands of 4 rows, threshold 0.42, gave 0.873 at
 * 0.5 and only 0.978 candidate recall on the Telegram benchmark; see the module README.)
 *
 * @param shingleSize            words per shingle ({@value #SHINGLE_SIZE})
 * @param hashes                 MinHash signature length ({@value #HASHES})
 * @param bands                  LSH bands; must divide {@code hashes} ({@value #BANDS})
 * @param jaccardThreshold       estimated Jaccard at or above which a candidate is a near duplicate
 *                               ({@value #JACCARD_THRESHOLD})
 * @param containmentThreshold   estimated containment (shared shingles over the smaller set) at or above which
 *                               a trimmed or extended copy is a near duplicate ({@value #CONTAINMENT_THRESHOLD})
 * @param containmentMinShingles the smaller text needs at least this many shingles before containment
 *                               counts, so a one-line post is not "contained" in every long story
 *                               ({@value #CONTAINMENT_MIN_SHINGLES})
 * @param window                 how long an indexed article stays comparable, measured on its first-seen
 *                               time ({@value #WINDOW})
 */
public record DedupeConfig(
        int shingleSize,
        int hashes,
        int bands,
        double jaccardThreshold,
        double containmentThreshold,
        int containmentMinShingles,
        Duration window) {

    public static final String SHINGLE_SIZE = "dedupe.shingle.size";
    public static final String HASHES = "dedupe.minhash.hashes";
    public static final String BANDS = "dedupe.lsh.bands";
    public static final String JACCARD_THRESHOLD = "dedupe.threshold.jaccard";
    public static final String CONTAINMENT_THRESHOLD = "dedupe.threshold.containment";
    public static final String CONTAINMENT_MIN_SHINGLES = "dedupe.containment.min.shingles";
    public static final String WINDOW = "dedupe.window";

    private static final ConfigDef.Validator FRACTION = ConfigDef.LambdaValidator.with((name, value) -> {
        double fraction = (Double) value;
        if (!(fraction > 0.0 && fraction <= 1.0)) {
            throw new ConfigException(name, value, "must be within (0, 1]");
        }
    }, () -> "(0, 1]");

    /**
     * Every setting with its type, default, validator and doc, the way Kafka defines its own; {@code newsflow
     * config} lists them. Checks that span keys (bands divide hashes) are in the compact constructor.
     */
    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(SHINGLE_SIZE, Type.INT, 3, Range.between(1, 8), Importance.LOW, "Words per shingle.")
            .define(HASHES, Type.INT, 120, Range.between(8, 1024), Importance.LOW,
                    "MinHash signature length, one byte kept per hash.")
            .define(BANDS, Type.INT, 40, Range.atLeast(1), Importance.LOW,
                    "LSH bands; must divide " + HASHES + "; rows per band = hashes / bands, at most 8.")
            .define(JACCARD_THRESHOLD, Type.DOUBLE, 0.5, FRACTION, Importance.MEDIUM,
                    "Estimated Jaccard similarity of word shingles that confirms a near duplicate, in (0, 1].")
            .define(CONTAINMENT_THRESHOLD, Type.DOUBLE, 0.8, FRACTION, Importance.MEDIUM,
                    "Estimated containment (shared shingles over the smaller set) that confirms a trimmed or extended "
                            + "copy, in (0, 1].")
            .define(CONTAINMENT_MIN_SHINGLES, Type.INT, 20, Range.atLeast(1), Importance.LOW,
                    "Shingles the smaller text needs before containment counts, so a one-line post is not "
                            + "'contained' in every long story.")
            .define(WINDOW, Type.STRING, "PT72H", ConfigDef.LambdaValidator.with(
                    (name, value) -> parseWindow(name, (String) value), () -> "a positive ISO-8601 duration"), Importance.MEDIUM,
                    "ISO-8601 duration an article stays comparable after it was first seen (PT72H, P7D).");

    public DedupeConfig {
        requireRange(SHINGLE_SIZE, shingleSize, 1, 8);
        requireRange(HASHES, hashes, 8, 1024);
        requireRange(BANDS, bands, 1, hashes);
        if (hashes % bands != 0) {
            throw new DedupeConfigException(BANDS, "must divide " + HASHES + " (" + hashes + "), was " + bands);
        }
        if (hashes / bands > 8) {
            // rows are packed 4 bytes per int; more than 8 rows per band would need a wider band key
            throw new DedupeConfigException(BANDS, "gives " + hashes / bands + " rows per band; at most 8 allowed");
        }
        requireFraction(JACCARD_THRESHOLD, jaccardThreshold);
        requireFraction(CONTAINMENT_THRESHOLD, containmentThreshold);
        requireRange(CONTAINMENT_MIN_SHINGLES, containmentMinShingles, 1, Integer.MAX_VALUE);
        if (window == null || window.isNegative() || window.isZero()) {
            throw new DedupeConfigException(WINDOW, "must be a positive duration, was " + window);
        }
    }

    /** The documented defaults. */
    public static DedupeConfig defaults() {
        return fromMap(Map.of());
    }

    /**
     * Reads settings from a map of key to value (values as text or of the right type); missing keys take
     * their default. Keys starting with {@code dedupe.} that this class does not know are rejected, so a typo
     * is not silently ignored; other keys are left for other components.
     *
     * @throws DedupeConfigException naming the first key whose value is invalid
     */
    public static DedupeConfig fromMap(Map<String, ?> values) {
        Set<String> unknown = new TreeSet<>();
        for (String key : values.keySet()) {
            if (key.startsWith("dedupe.") && !DEFINITION.names().contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new DedupeConfigException(unknown.iterator().next(), "unknown key; known keys are " + new TreeSet<>(DEFINITION.names()));
        }
        return new DedupeConfig(
                (Integer) parsed(values, SHINGLE_SIZE),
                (Integer) parsed(values, HASHES),
                (Integer) parsed(values, BANDS),
                (Double) parsed(values, JACCARD_THRESHOLD),
                (Double) parsed(values, CONTAINMENT_THRESHOLD),
                (Integer) parsed(values, CONTAINMENT_MIN_SHINGLES),
                parseWindow(WINDOW, (String) parsed(values, WINDOW)));
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
            throw new DedupeConfigException(key, e.getMessage());
        }
    }

    private static Duration parseWindow(String key, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException(key, text, "not an ISO-8601 duration such as PT72H or P7D");
        }
    }

    /** Rows per LSH band: {@code hashes / bands}. */
    public int rows() {
        return hashes / bands;
    }

    /** The Jaccard similarity at which a pair becomes an LSH candidate with probability about 1/2. */
    public double lshThreshold() {
        return Math.pow(1.0 / bands, 1.0 / rows());
    }

    /** Probability that a pair of Jaccard similarity {@code s} shares at least one LSH band. */
    public double candidateProbability(double s) {
        return 1.0 - Math.pow(1.0 - Math.pow(s, rows()), bands);
    }

    public DedupeConfig withWindow(Duration newWindow) {
        return new DedupeConfig(shingleSize, hashes, bands, jaccardThreshold, containmentThreshold,
                containmentMinShingles, newWindow);
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new DedupeConfigException(key, "must be within " + min + ".." + max + ", was " + value);
        }
    }

    private static void requireFraction(String key, double value) {
        if (!(value > 0.0 && value <= 1.0)) {
            throw new DedupeConfigException(key, "must be within (0, 1], was " + value);
        }
    }
}
