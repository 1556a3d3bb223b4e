package dev.newsflow.cli;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.events.PipelineTopics;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the Kafka cluster is and how to reach it; shared by the commands that talk to Kafka. */
final class KafkaOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Kafka cluster to use (default for stage commands: localhost:9092).")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*) passed through to every client.")
    Path kafkaConfig;

    @Option(names = "--topic-suffix", hidden = true,
            description = "Appends .SUFFIX to every topic name (tests run pipelines side by side on one broker).")
    String topicSuffix;

    KafkaSettings settings(String defaultBootstrap) {
        return KafkaSettings.load(bootstrapServers != null ? bootstrapServers : defaultBootstrap, kafkaConfig);
    }

    PipelineTopics topics() {
        return topicSuffix == null ? PipelineTopics.DEFAULT : PipelineTopics.withSuffix(topicSuffix);
    }
}
