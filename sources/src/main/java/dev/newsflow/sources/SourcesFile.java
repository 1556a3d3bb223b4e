package dev.newsflow.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sources file: YAML (JSON is YAML too) with a list {@code sources} and an optional map {@code settings} of
 * poller settings ({@link SourcesConfig} keys). Everything is checked when the file is read; the first problem
 * stops it with a {@link SourcesFileException} naming the file, the source and the field:
 * <pre>
 * sources:
 *   - name: Example Agency      # unique; the articles' source unless the page names one
 *     kind: feed                # feed | sitemap | folder
 *     url: https://example.org/rss.xml   # a folder has path: instead
 *     every: 5m                 # 30s, 5m, 1h ...; default 5m
 *     fullText: true            # fetch each item's page for the whole text; default true
 *     language: en              # optional hint
 *     source: Example           # optional: the articles' source name when the page gives none (default: name)
 *     maxAge: 2d                # optional: skip items dated earlier
 * </pre>
 * Relative folder paths are resolved against the file's folder. Immutable.
 *
 * @param file     where it was read from
 * @param sources  the sources, in file order, at least one
 * @param settings poller settings from the file, as text
 */
public record SourcesFile(Path file, List<SourceSpec> sources, Map<String, String> settings) {
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(5);
    static final Duration MIN_EVERY = Duration.ofSeconds(1);
    private static final Set<String> TOP_LEVEL = Set.of("sources", "settings");
    private static final Set<String> FIELDS = Set.of("name", "kind", "url", "path", "every", "fullText", "language",
            "source", "maxAge");

    public SourcesFile {
        sources = List.copyOf(sources);
        settings = Map.copyOf(settings);
    }

    /** Reads and validates {@code file}. */
    public static SourcesFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SourcesFileException(file + ": no such file");
        } catch (IOException e) {
            throw new SourcesFileException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Validates the YAML {@code text} read from {@code file} (named in errors; folders resolve against its parent). */
    public static SourcesFile parse(Path file, String text) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new SourcesFileException(file + ": not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SourcesFileException(file + ": expected a map with a 'sources' list, as in sources.example.yml");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!TOP_LEVEL.contains(field)) {
                throw new SourcesFileException(file + ": unknown top-level field '" + field + "' (expected 'sources' and optionally 'settings')");
            }
        }
        JsonNode list = root.get("sources");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new SourcesFileException(file + ": 'sources' must be a list of at least one source");
        }
        Path base = file.toAbsolutePath().getParent();
        List<SourceSpec> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            SourceSpec spec = new Entry(file, i + 1, list.get(i), base).spec();
            if (!names.add(spec.name().toLowerCase(Locale.ROOT))) {
                throw new SourcesFileException(file + ": source '" + spec.name() + "' (#" + (i + 1)
                        + "): field 'name': another source has this name; names must be unique");
            }
            sources.add(spec);
        }
        return new SourcesFile(file, sources, settings(file, root.get("settings")));
    }

    private static Map<String, String> settings(Path file, JsonNode node) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return settings;
        }
        if (!node.isObject()) {
            throw new SourcesFileException(file + ": 'settings' must be a map of setting to value");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                throw new SourcesFileException(file + ": settings: '" + e.getKey() + "' must be a single value");
            }
            settings.put(e.getKey(), e.getValue().asText());
        });
        return settings;
    }

    /** One element of the list, checked field by field. */
    private record Entry(Path file, int number, JsonNode node, Path base) {

        SourceSpec spec() {
            if (node == null || !node.isObject()) {
                throw error("a source must be a map of fields (name, kind, url ...)");
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!FIELDS.contains(field)) {
                    throw error("unknown field '" + field + "'" + suggestion(field) + "; a source has "
                            + String.join(", ", FIELDS.stream().sorted().toList()));
                }
            }
            String name = text("name", true);
            SourceKind kind = kind();
            URI url = null;
            Path path = null;
            if (kind == SourceKind.FOLDER) {
                if (node.has("url")) {
                    throw error("field 'url': a folder source has a 'path', not a 'url'");
                }
                String where = text("path", true);
                path = base == null ? Path.of(where) : base.resolve(where);
            } else {
                if (node.has("path")) {
                    throw error("field 'path': a " + kind.fileName() + " source has a 'url', not a 'path'");
                }
                url = url();
            }
            Duration every = node.has("every") ? duration("every") : DEFAULT_EVERY;
            if (every.compareTo(MIN_EVERY) < 0) {
                throw error("field 'every': " + Durations.format(every) + " is shorter than the minimum of 1s");
            }
            boolean fullText = bool("fullText", kind != SourceKind.FOLDER);
            if (kind == SourceKind.SITEMAP && !fullText) {
                throw error("field 'fullText': a sitemap lists pages without their text, so its pages must be fetched (fullText: true)");
            }
            if (kind == SourceKind.FOLDER && fullText) {
                throw error("field 'fullText': a folder holds articles, not links to pages; leave fullText out");
            }
            String language = text("language", false);
            if (language != null && !language.matches("[a-zA-Z]{2,3}")) {
                throw error("field 'language': '" + language + "' is not an ISO 639 code such as en, ru or uz");
            }
            String source = text("source", false);
            Duration maxAge = node.has("maxAge") ? duration("maxAge") : null;
            return new SourceSpec(name, kind, url, path, every, fullText,
                    language == null ? null : language.toLowerCase(Locale.ROOT), source != null ? source : name, maxAge);
        }

        private SourceKind kind() {
            String kind = text("kind", true);
            for (SourceKind k : SourceKind.values()) {
                if (k.fileName().equalsIgnoreCase(kind)) {
                    return k;
                }
            }
            throw error("field 'kind': '" + kind + "' is not one of feed, sitemap, folder");
        }

        private URI url() {
            String text = text("url", true);
            try {
                URI url = new URI(text);
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                    throw error("field 'url': '" + text + "' is not an http:// or https:// URL with a host");
                }
                return url;
            } catch (java.net.URISyntaxException e) {
                throw error("field 'url': '" + text + "' is not a URL: " + e.getReason());
            }
        }

        private Duration duration(String field) {
            try {
                return Durations.parse(text(field, true));
            } catch (IllegalArgumentException e) {
                throw error("field '" + field + "': " + e.getMessage());
            }
        }

        private boolean bool(String field, boolean defaultValue) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return defaultValue;
            }
            if (!value.isBoolean()) {
                throw error("field '" + field + "': '" + value.asText() + "' is not true or false");
            }
            return value.booleanValue();
        }

        private String text(String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull() || (value.isValueNode() && value.asText().isBlank())) {
                if (required) {
                    throw error("field '" + field + "' is missing");
                }
                return null;
            }
            if (!value.isValueNode()) {
                throw error("field '" + field + "' must be a single value, not a list or map");
            }
            return value.asText().strip();
        }

        private SourcesFileException error(String problem) {
            JsonNode name = node == null ? null : node.get("name");
            String which = name != null && name.isValueNode() && !name.asText().isBlank()
                    ? "source '" + name.asText().strip() + "' (#" + number + ")" : "source #" + number;
            return new SourcesFileException(file + ": " + which + ": " + problem);
        }

        private static String suggestion(String field) {
            for (String known : FIELDS) {
                if (known.equalsIgnoreCase(field) || known.equalsIgnoreCase(field.replace("_", "").replace("-", ""))) {
                    return " (did you mean '" + known + "'?)";
                }
            }
            return "";
        }
    }
}
