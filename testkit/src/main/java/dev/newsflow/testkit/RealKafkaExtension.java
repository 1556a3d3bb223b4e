package dev.newsflow.testkit;

import dev.newsflow.broker.BrokerConfig;
import dev.newsflow.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Resolves {@link KafkaBroker} parameters with a real broker, started once per test run (per JVM) and stopped
 * when the run ends: the official {@code apache/kafka} image through Testcontainers where a Docker engine
 * answers, the embedded KRaft broker of module {@code broker} where none does. Either way a test gets the
 * bootstrap address of a real broker.
 */
public final class RealKafkaExtension implements ParameterResolver {
    /** Image used where Docker is available; the same major version as the embedded broker. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealKafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> startBroker(), RunningBroker.class);
    }

    private static RunningBroker startBroker() {
        if (Boolean.getBoolean("newsflow.test.embedded") || !dockerAvailable()) {
            return new EmbeddedBroker();
        }
        return new ContainerBroker();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A broker that the root store closes when the test run ends. */
    private interface RunningBroker extends KafkaBroker, AutoCloseable {
    }

    private static final class EmbeddedBroker implements RunningBroker {
        private final Path dir;
        private final EmbeddedKafkaBroker broker;

        EmbeddedBroker() {
            try {
                dir = Files.createTempDirectory("newsflow-test-kafka");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            broker = new EmbeddedKafkaBroker(BrokerConfig.ephemeral(dir)).start();
        }

        @Override
        public String bootstrapServers() {
            return broker.bootstrapServers();
        }

        @Override
        public String kind() {
            return "embedded";
        }

        @Override
        public void close() throws IOException {
            broker.close();
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static final class ContainerBroker implements RunningBroker {
        private final KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);

        ContainerBroker() {
            container.start();
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public String kind() {
            return "testcontainers";
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
