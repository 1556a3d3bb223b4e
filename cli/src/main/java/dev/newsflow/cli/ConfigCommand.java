package dev.newsflow.cli;

import dev.newsflow.consumer.pipeline.PipelineSettings;
import dev.newsflow.consumer.runtime.Settings;
import dev.newsflow.plugins.JsonLinesConfig;
import dev.newsflow.plugins.WebhookConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Lists every setting a command takes with {@code --set KEY=VALUE}: key, type, default, valid values and doc, by
 * component, generated from the components' definitions (so it cannot drift from what the commands check).
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "List every --set KEY=VALUE setting with its type, default, valid values and meaning.")
final class ConfigCommand implements Callable<Integer> {

    /** Every component with settings: the pipeline's, then the bundled plug-ins'. */
    static List<Settings.Component> components() {
        List<Settings.Component> all = new ArrayList<>(PipelineSettings.ALL);
        all.add(JsonLinesConfig.COMPONENT);
        all.add(WebhookConfig.COMPONENT);
        all.add(SourcesOptions.COMPONENT);
        return all;
    }

    @Override
    public Integer call() {
        System.out.println("Settings, given as --set KEY=VALUE (run, dedupe, enrich, stories-stage, store, replay: stage runtime and their own "
                + "stage's; annotate: enrich; stories: dedupe, enrich and stories; consume: stage runtime and the plug-in's; ingest, "
                + "run --sources, extract: sources):");
        System.out.println();
        System.out.print(Settings.describe(components()));
        return 0;
    }
}
