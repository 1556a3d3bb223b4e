package dev.newsflow.consumer.pipeline;

import dev.newsflow.consumer.runtime.Settings;
import dev.newsflow.consumer.runtime.StageConfig;
import dev.newsflow.dedupe.DedupeConfig;
import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.stories.StoriesConfig;
import java.util.List;
import java.util.Map;

/**
 * The settings of the pipeline's stages, checked when a command starts: every {@code --set} key must belong to a
 * component the command runs (an unknown key, or another component's, stops it with an error that names the key),
 * and each component's values are parsed and validated at once. Immutable and thread-safe.
 */
public final class PipelineSettings {
    /** The runtime every stage runs on: {@code stage.*} and {@code pipeline.name}. */
    public static final Settings.Component STAGE = new Settings.Component("stage runtime", StageConfig.DEFINITION);
    /** The dedupe stage's detector: {@code dedupe.*}. */
    public static final Settings.Component DEDUPE = new Settings.Component("dedupe", DedupeConfig.DEFINITION);
    /** The enrich stage's enricher: {@code enrich.*}. */
    public static final Settings.Component ENRICH = new Settings.Component("enrich", EnrichConfig.DEFINITION);
    /** The stories stage's grouping: {@code stories.*}. */
    public static final Settings.Component STORIES = new Settings.Component("stories", StoriesConfig.DEFINITION);
    /** Every component of the pipeline, in pipeline order. */
    public static final List<Settings.Component> ALL = List.of(STAGE, DEDUPE, ENRICH, STORIES);

    private final StageConfig stage;
    private final DedupeConfig dedupe;
    private final EnrichConfig enrich;
    private final StoriesConfig stories;

    private PipelineSettings(StageConfig stage, DedupeConfig dedupe, EnrichConfig enrich, StoriesConfig stories) {
        this.stage = stage;
        this.dedupe = dedupe;
        this.enrich = enrich;
        this.stories = stories;
    }

    /** Every setting at its default. */
    public static PipelineSettings defaults() {
        return of(Map.of(), ALL);
    }

    /**
     * The settings {@code values} of a command that runs {@code components} (the others take their defaults).
     *
     * @throws org.apache.kafka.common.config.ConfigException naming a key no component of the command defines, or
     *                                                        an invalid runtime value
     * @throws IllegalArgumentException                       naming the key of an invalid dedupe, enrich or stories value
     */
    public static PipelineSettings of(Map<String, String> values, List<Settings.Component> components) {
        Settings settings = Settings.check(components, values);
        return new PipelineSettings(
                new StageConfig(components.contains(STAGE) ? settings.of(STAGE) : Map.of()),
                DedupeConfig.fromMap(components.contains(DEDUPE) ? settings.of(DEDUPE) : Map.of()),
                EnrichConfig.from(components.contains(ENRICH) ? settings.of(ENRICH) : Map.of()),
                StoriesConfig.fromMap(components.contains(STORIES) ? settings.of(STORIES) : Map.of()));
    }

    public StageConfig stage() {
        return stage;
    }

    public DedupeConfig dedupe() {
        return dedupe;
    }

    public EnrichConfig enrich() {
        return enrich;
    }

    public StoriesConfig stories() {
        return stories;
    }
}
