package dev.newsflow.consumer.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings one command accepts ({@code --set KEY=VALUE}): the definitions of its components. Every key must
 * be defined by one of them, so a typo stops the command with an error that names the key (and the nearest
 * known one) instead of being silently ignored; each component then checks the types and ranges of its own
 * keys. Immutable and thread-safe.
 */
public final class Settings {

    /**
     * The settings of one component.
     *
     * @param name       what the component is, for listings and messages (for example {@code dedupe})
     * @param definition its keys with type, default, validator and doc
     */
    public record Component(String name, ConfigDef definition) {
        public Component {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(definition, "definition");
        }
    }

    private final List<Component> components;
    private final Map<String, String> values;

    private Settings(List<Component> components, Map<String, String> values) {
        this.components = components;
        this.values = values;
    }

    /**
     * The settings {@code values} for a command made of {@code components}.
     *
     * @throws ConfigException naming the first key that no component defines
     */
    public static Settings check(List<Component> components, Map<String, String> values) {
        List<String> known = components.stream().flatMap(c -> c.definition().names().stream()).sorted().toList();
        for (String key : new TreeSet<>(values.keySet())) {
            if (!known.contains(key)) {
                throw new ConfigException(key, values.get(key), "unknown setting" + nearest(key, known)
                        + "; `newsflow config` lists every setting");
            }
        }
        return new Settings(List.copyOf(components), Map.copyOf(values));
    }

    /** The values given for {@code component}'s keys, as given (its own config class parses and validates them). */
    public Map<String, String> of(Component component) {
        if (!components.contains(component)) {
            throw new IllegalArgumentException("not a component of this command: " + component.name());
        }
        Map<String, String> own = new HashMap<>(values);
        own.keySet().retainAll(component.definition().names());
        return own;
    }

    /** A plain-text listing of every key of {@code components}: name, type, default, valid values and doc. */
    public static String describe(List<Component> components) {
        StringBuilder text = new StringBuilder();
        for (Component component : components) {
            text.append(component.name()).append('\n');
            List<ConfigDef.ConfigKey> keys = new ArrayList<>(component.definition().configKeys().values());
            keys.sort(Comparator.comparing(key -> key.name));
            for (ConfigDef.ConfigKey key : keys) {
                text.append("  ").append(key.name).append(" (").append(key.type.name().toLowerCase()).append(", default: ")
                        .append(key.hasDefault() ? ConfigDef.convertToString(key.defaultValue, key.type) : "none, required")
                        .append(key.validator != null ? ", valid: " + key.validator : "").append(")\n")
                        .append("      ").append(key.documentation).append('\n');
            }
        }
        return text.toString();
    }

    /** ", did you mean K?" for the known key closest to {@code key}, when one is close. */
    private static String nearest(String key, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = editDistance(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 4) ? ", did you mean " + best + "?" : "";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
