package dev.newsflow.cli;

import dev.newsflow.consumer.pipeline.PipelineSettings;
import dev.newsflow.consumer.runtime.Settings;
import dev.newsflow.consumer.runtime.StageConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of the consuming stages: where state lives, how this instance is known, and the stage settings. */
final class StageOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where newsflow keeps its state: the embedded broker's logs and the SQLite database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database of the store stage (default: jdbc:sqlite:DATA_DIR/newsflow.db), e.g. jdbc:postgresql://host:5432/db?user=u.")
    String db;

    @Option(names = "--instance-id", paramLabel = "ID",
            description = "This instance among the instances of a stage; give each running instance its own (default: 0; the same as --set stage.instance.id=ID).")
    String instanceId;

    @Option(names = "--pipeline-name", paramLabel = "NAME",
            description = "Prefix of consumer groups and transactional ids (default: newsflow; the same as --set pipeline.name=NAME).")
    String pipelineName;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A stage setting, e.g. --set stage.max.poll.records=1000 or --set dedupe.threshold.jaccard=0.8; "
                    + "an unknown key or a bad value stops the command naming the key. `newsflow config` lists every setting.")
    Map<String, String> settings = new HashMap<>();

    String jdbcUrl() {
        return db != null ? db : "jdbc:sqlite:" + dataDir.resolve("newsflow.db");
    }

    /** The settings of a command that runs {@code components}, checked now; the flags win over {@code --set}. */
    PipelineSettings pipelineSettings(List<Settings.Component> components) {
        Map<String, String> values = new HashMap<>(settings);
        if (instanceId != null) {
            values.put(StageConfig.INSTANCE_ID, instanceId);
        }
        if (pipelineName != null) {
            values.put(StageConfig.PIPELINE_NAME, pipelineName);
        }
        return PipelineSettings.of(values, components);
    }
}
