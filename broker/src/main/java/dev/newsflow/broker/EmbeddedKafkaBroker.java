package dev.newsflow.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) running in this JVM, from
 * the Maven Central jars. Its log dir is formatted on first start and reused afterwards, so records survive
 * restarts. {@link #start()} returns once the broker answers clients. Not thread-safe: one owner starts and
 * closes it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String PORTS_FILE = "newsflow-broker.properties";
    private static final String CONTROLLER_PORT = "controller.port";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final BrokerConfig config;
    private KafkaRaftServer server;
    private int port;

    public EmbeddedKafkaBroker(BrokerConfig config) {
        this.config = config;
    }

    /** Formats the log dir if it is new, starts the broker and waits until it serves clients. */
    public EmbeddedKafkaBroker start() {
        try {
            Files.createDirectories(config.logDir());
            port = config.port() == 0 ? freePort() : config.port();
            int controllerPort = controllerPort();
            Properties props = serverProperties(port, controllerPort);
            formatIfNew(props);
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            awaitReady();
            LOG.info("Kafka broker ready at {} (log dir {})", bootstrapServers(), config.logDir());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker in " + config.logDir(), e);
        }
    }

    /** {@code host:port} for clients; valid after {@link #start()}. */
    public String bootstrapServers() {
        return config.host() + ":" + port;
    }

    public Path logDir() {
        return config.logDir();
    }

    /** Blocks until the broker has stopped, for a broker that runs as the main job of its process. */
    public void awaitShutdown() {
        if (server != null) {
            server.awaitShutdown();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private Properties serverProperties(int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("listeners", "PLAINTEXT://" + config.host() + ":" + brokerPort
                        + ",CONTROLLER://" + config.host() + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + config.host() + ":" + brokerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
                Map.entry("controller.quorum.bootstrap.servers", config.host() + ":" + controllerPort),
                Map.entry("log.dirs", config.logDir().toAbsolutePath().toString()),
                Map.entry("num.partitions", Integer.toString(config.partitions())),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "10"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "10"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        return props;
    }

    /**
     * The controller port is written into the formatted metadata, so a log dir keeps its port for life: we
     * remember it beside the logs.
     */
    private int controllerPort() throws IOException {
        Path file = config.logDir().resolve(PORTS_FILE);
        Properties saved = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                saved.load(in);
            }
        }
        String remembered = saved.getProperty(CONTROLLER_PORT);
        if (remembered != null) {
            return Integer.parseInt(remembered);
        }
        int chosen = config.controllerPort() == 0 ? freePort() : config.controllerPort();
        saved.setProperty(CONTROLLER_PORT, Integer.toString(chosen));
        try (OutputStream out = Files.newOutputStream(file)) {
            saved.store(out, "written by newsflow: the KRaft controller port this log dir was formatted with");
        }
        return chosen;
    }

    private void formatIfNew(Properties props) throws IOException {
        if (Files.exists(config.logDir().resolve("meta.properties"))) {
            return;
        }
        Path serverProperties = Files.createTempFile("newsflow-server", ".properties");
        try {
            try (OutputStream out = Files.newOutputStream(serverProperties)) {
                props.store(out, null);
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
            int status = StorageTool.execute(new String[] {
                "format", "-t", clusterId, "-c", serverProperties.toString(), "--standalone"},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("formatting " + config.logDir() + " failed: "
                        + output.toString(StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(serverProperties);
        }
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker at " + bootstrapServers() + " did not become ready", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
