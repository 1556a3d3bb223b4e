package dev.newsflow.cli;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicSnapshot;
import dev.newsflow.consumer.pipeline.PipelineSettings;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.storage.PartitionOffset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Makes a stage process again what Kafka still holds (after better models, say): moves the stage's offsets
 * back to the beginning or to the first record at or after {@code --from}. Kafka-committed offsets (dedupe,
 * enrich, stories) can only move while the stage's instances are stopped; the store's offsets live in its database.
 * The store upserts, so replayed articles update their rows instead of doubling them. The stories stage rebuilds its
 * stories: its changelog is emptied (a tombstone for every entry), so it starts from no stories and groups the
 * replayed articles again; the store then rewrites the stories and drops the ones no article is in any more.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-run a stage over what is already in Kafka, by moving its offsets back. Stop the stage's instances first.")
final class ReplayCommand implements Callable<Integer> {
    enum ReplayStage { dedupe, enrich, stories, store }

    @Mixin
    KafkaOptions kafka;

    @Mixin
    StageOptions options;

    @Option(names = "--stage", required = true, description = "The stage to replay: ${COMPLETION-CANDIDATES}.")
    ReplayStage stage;

    @Option(names = "--from", paramLabel = "DATE", description = "Replay records written at or after DATE (YYYY-MM-DD, UTC, or an ISO date-time); default: everything.")
    String from;

    @Override
    public Integer call() throws Exception {
        KafkaSettings settings = kafka.settings("localhost:9092");
        String group = options.pipelineSettings(List.of(PipelineSettings.STAGE)).stage().groupId(stage.name());
        Map<TopicPartition, Long> offsets;
        try (Admin admin = Admin.create(settings.admin())) {
            offsets = offsetsAt(admin, inputs(kafka.topics()), from == null ? OffsetSpec.earliest() : OffsetSpec.forTimestamp(fromMillis()));
            if (stage == ReplayStage.store) {
                moveStoreOffsets(group, offsets);
            } else {
                moveGroupOffsets(admin, group, offsets);
            }
        }
        offsets.forEach((partition, offset) -> System.out.println(partition + " -> " + offset));
        if (stage == ReplayStage.stories) {
            int forgotten = forgetStories(settings, kafka.topics().storiesIndex().name());
            System.out.println("stories changelog " + kafka.topics().storiesIndex() + ": " + forgotten
                    + " entries forgotten; the stage starts from no stories");
        }
        System.out.println("stage " + stage + " (group " + group + ") will re-process from " + (from == null ? "the beginning" : from)
                + " when it next starts");
        return 0;
    }

    private List<String> inputs(PipelineTopics topics) {
        return switch (stage) {
            case dedupe -> List.of(topics.raw().name());
            case enrich -> List.of(topics.unique().name());
            case stories -> List.of(topics.enriched().name(), topics.duplicates().name());
            case store -> List.of(topics.enriched().name(), topics.duplicates().name(), topics.stories().name());
        };
    }

    private long fromMillis() {
        try {
            return LocalDate.parse(from).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(from).toInstant().toEpochMilli();
            } catch (DateTimeParseException notAnOffsetTime) {
                try {
                    return Instant.parse(from).toEpochMilli();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("--from must be a date (YYYY-MM-DD) or an ISO date-time, was '" + from + "'");
                }
            }
        }
    }

    /** The offset per partition of {@code spec}; where no record is that late, the end of the partition. */
    private static Map<TopicPartition, Long> offsetsAt(Admin admin, List<String> topics, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var description : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            description.partitions().forEach(p -> {
                wanted.put(new TopicPartition(description.name(), p.partition()), spec);
                latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest());
            });
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = admin.listOffsets(wanted).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        found.forEach((partition, info) -> offsets.put(partition, info.offset() >= 0 ? info.offset() : ends.get(partition).offset()));
        return offsets;
    }

    private static void moveGroupOffsets(Admin admin, String group, Map<TopicPartition, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> committed.put(partition, new OffsetAndMetadata(offset)));
        try {
            admin.alterConsumerGroupOffsets(group, committed).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot move the offsets of group " + group + " (stop every running instance of the stage first): "
                    + Newsflow.oneLine(e.getCause()), e);
        }
    }

    /** Writes a tombstone for every live key of the changelog, so a restored index is empty; returns how many. */
    private static int forgetStories(KafkaSettings settings, String changelog) throws Exception {
        Set<String> live = TopicSnapshot.latestValues(settings, changelog).keySet();
        try (var producer = new KafkaProducer<>(settings.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String key : live) {
                sent.add(producer.send(new ProducerRecord<>(changelog, key, null)));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
        return live.size();
    }

    private void moveStoreOffsets(String group, Map<TopicPartition, Long> offsets) {
        List<PartitionOffset> next = new ArrayList<>();
        offsets.forEach((partition, offset) -> next.add(new PartitionOffset(partition.topic(), partition.partition(), offset)));
        try (ArticleStore store = ArticleStore.open(options.jdbcUrl())) {
            store.write(group, List.of(), next);
        }
    }
}
