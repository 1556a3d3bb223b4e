package dev.newsflow.cli;

import dev.newsflow.broker.BrokerConfig;
import dev.newsflow.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a real single-node Kafka broker until SIGTERM or Ctrl-C; its data survives restarts. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a real single-node Apache Kafka broker (KRaft) in this process.")
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "Client port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "State directory; the broker keeps its logs in DIR/kafka (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--partitions", defaultValue = "3", description = "Default partitions of new topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() {
        EmbeddedKafkaBroker broker = startBroker(port, dataDir, partitions);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "newsflow-broker-shutdown"));
        System.out.println("Kafka broker listening on " + broker.bootstrapServers() + " (logs in " + broker.logDir()
                + "). Ctrl-C to stop.");
        broker.awaitShutdown();
        return 0;
    }

    static EmbeddedKafkaBroker startBroker(int port, Path dataDir, int partitions) {
        try {
            return new EmbeddedKafkaBroker(new BrokerConfig("localhost", port, 0, dataDir.resolve("kafka"), partitions)).start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the Kafka broker on port " + port + " with data in " + dataDir
                    + " (is another broker using the port or the directory?): " + Newsflow.oneLine(e), e);
        }
    }
}
