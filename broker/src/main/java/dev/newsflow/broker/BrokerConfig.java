package dev.newsflow.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of the embedded broker. Validated on construction; immutable.
 *
 * @param host           the host name clients connect to (advertised)
 * @param port           client port, or 0 to pick a free one
 * @param controllerPort KRaft controller port, or 0 to reuse the one the log dir was formatted with (or pick one)
 * @param logDir         where the broker keeps its logs and metadata; survives restarts
 * @param partitions     default partition count of topics created without one
 */
public record BrokerConfig(String host, int port, int controllerPort, Path logDir, int partitions) {

    public static final int DEFAULT_PORT = 9092;

    public BrokerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(logDir, "logDir");
        checkPort("port", port);
        checkPort("controllerPort", controllerPort);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
    }

    /** A broker on localhost with free ports, for tests. */
    public static BrokerConfig ephemeral(Path logDir) {
        return new BrokerConfig("localhost", 0, 0, logDir, 3);
    }

    private static void checkPort(String key, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(key + " must be within 0..65535, was " + value);
        }
    }
}
