package dev.newsflow.cli;

import dev.newsflow.consumer.runtime.StageConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of the consuming stages: where state lives and how this instance is known. */
final class StageOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where newsflow keeps its state: the embedded broker's logs and the SQLite database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database of the store stage (default: jdbc:sqlite:DATA_DIR/newsflow.db), e.g. jdbc:postgresql://host:5432/db?user=u.")
    String db;

    @Option(names = "--instance-id", paramLabel = "ID", defaultValue = "0",
            description = "This instance among the instances of a stage; give each running instance its own (default: ${DEFAULT-VALUE}).")
    String instanceId;

    @Option(names = "--pipeline-name", paramLabel = "NAME", defaultValue = "newsflow",
            description = "Prefix of consumer groups and transactional ids (default: ${DEFAULT-VALUE}).")
    String pipelineName;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Any stage setting, e.g. --set stage.max.poll.records=1000 or --set dedupe.threshold.jaccard=0.8.")
    Map<String, String> settings = new HashMap<>();

    String jdbcUrl() {
        return db != null ? db : "jdbc:sqlite:" + dataDir.resolve("newsflow.db");
    }

    StageConfig stageConfig() {
        Map<String, Object> values = new HashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith("stage.") || key.startsWith("pipeline.")) {
                values.put(key, value);
            }
        });
        values.put(StageConfig.INSTANCE_ID, instanceId);
        values.put(StageConfig.PIPELINE_NAME, pipelineName);
        return new StageConfig(values);
    }

    /** The settings of one component, by key prefix ({@code dedupe.}, {@code enrich.}). */
    Map<String, String> settings(String prefix) {
        Map<String, String> selected = new HashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                selected.put(key, value);
            }
        });
        return selected;
    }
}
