package dev.newsflow.consumer.runtime;

import dev.newsflow.clients.Retry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings every stage runner shares, defined the way Kafka defines its own: key, type, default, validator
 * and documentation in one place, checked on construction; an invalid value fails with a
 * {@link org.apache.kafka.common.config.ConfigException} that names the key. Immutable.
 */
public final class StageConfig extends AbstractConfig {
    public static final String PIPELINE_NAME = "pipeline.name";
    public static final String INSTANCE_ID = "stage.instance.id";
    public static final String POLL_TIMEOUT_MS = "stage.poll.timeout.ms";
    public static final String MAX_POLL_RECORDS = "stage.max.poll.records";
    public static final String RETRY_MAX_ATTEMPTS = "stage.retry.max.attempts";
    public static final String RETRY_INITIAL_BACKOFF_MS = "stage.retry.initial.backoff.ms";
    public static final String RETRY_MAX_BACKOFF_MS = "stage.retry.max.backoff.ms";
    public static final String TRANSACTION_TIMEOUT_MS = "stage.transaction.timeout.ms";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(PIPELINE_NAME, Type.STRING, "newsflow", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Prefix of the consumer groups and transactional ids: stage X consumes as group '<name>-X'. "
                            + "Two pipelines sharing one Kafka cluster need different names.")
            .define(INSTANCE_ID, Type.STRING, "0", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Identifies this instance among the instances of one stage. It names the Kafka transactional id, "
                            + "so a restarted instance with the same id fences its crashed predecessor at once; give "
                            + "each concurrently running instance its own.")
            .define(POLL_TIMEOUT_MS, Type.LONG, 200L, Range.between(1, 60_000), Importance.LOW,
                    "How long one poll waits for records.")
            .define(MAX_POLL_RECORDS, Type.INT, 500, Range.between(1, 100_000), Importance.MEDIUM,
                    "The most records processed and committed as one batch.")
            .define(RETRY_MAX_ATTEMPTS, Type.INT, 8, Range.between(1, 1_000), Importance.MEDIUM,
                    "Attempts at a batch that fails transiently (broker or database unavailable) before the stage stops.")
            .define(RETRY_INITIAL_BACKOFF_MS, Type.LONG, 200L, Range.between(0, 600_000), Importance.LOW,
                    "Wait after the first transient failure; doubled after each further one.")
            .define(RETRY_MAX_BACKOFF_MS, Type.LONG, 10_000L, Range.between(0, 600_000), Importance.LOW,
                    "The longest wait between two attempts.")
            .define(TRANSACTION_TIMEOUT_MS, Type.INT, 15_000, Range.between(1_000, 900_000), Importance.LOW,
                    "Kafka transaction timeout of topic-to-topic stages: how long a crashed instance's open "
                            + "transaction can hold back read-committed consumers if no instance with its id returns.");

    /** @throws ConfigException naming the key of an unknown key or an invalid value */
    public StageConfig(Map<String, ?> values) {
        super(DEFINITION, known(values), false);
        if (getLong(RETRY_MAX_BACKOFF_MS) < getLong(RETRY_INITIAL_BACKOFF_MS)) {
            throw new ConfigException(RETRY_MAX_BACKOFF_MS, getLong(RETRY_MAX_BACKOFF_MS), "must not be less than " + RETRY_INITIAL_BACKOFF_MS);
        }
    }

    private static Map<String, ?> known(Map<String, ?> values) {
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            if (!DEFINITION.names().contains(entry.getKey())) {
                throw new ConfigException(entry.getKey(), entry.getValue(), "not a setting of the stage runtime");
            }
        }
        return values;
    }

    public static StageConfig defaults() {
        return new StageConfig(Map.of());
    }

    public String pipelineName() {
        return getString(PIPELINE_NAME);
    }

    /** The consumer group of stage {@code stage}. */
    public String groupId(String stage) {
        return pipelineName() + "-" + stage;
    }

    public String instanceId() {
        return getString(INSTANCE_ID);
    }

    public Duration pollTimeout() {
        return Duration.ofMillis(getLong(POLL_TIMEOUT_MS));
    }

    public int maxPollRecords() {
        return getInt(MAX_POLL_RECORDS);
    }

    public int transactionTimeoutMs() {
        return getInt(TRANSACTION_TIMEOUT_MS);
    }

    public Retry retry() {
        return new Retry(getInt(RETRY_MAX_ATTEMPTS), Duration.ofMillis(getLong(RETRY_INITIAL_BACKOFF_MS)),
                Duration.ofMillis(getLong(RETRY_MAX_BACKOFF_MS)));
    }
}
