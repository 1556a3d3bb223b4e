package dev.newsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.PipelineTopics;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafkaExtension.class)
class TopicProvisionerTest {

    @Test
    void shouldCreateThePipelineTopicsWithLeadersAndACompactedChangelog(KafkaBroker broker) throws Exception {
        PipelineTopics names = PipelineTopics.withSuffix(KafkaBroker.uniqueName("t"));
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers());

        TopicProvisioner.ensureTopics(settings, TopicLayout.defaults(names), Duration.ofSeconds(60));
        TopicProvisioner.ensureTopics(settings, TopicLayout.defaults(names), Duration.ofSeconds(60));

        try (Admin admin = Admin.create(settings.admin())) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(names.raw().name(), names.enriched().name(),
                    names.dedupeIndex().name(), names.stories().name(), names.storiesIndex().name())).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.get(names.raw().name()).partitions()).hasSize(1);
            assertThat(topics.get(names.enriched().name()).partitions()).hasSize(TopicLayout.DEFAULT_PARTITIONS)
                    .allSatisfy(p -> assertThat(p.leader()).isNotNull());
            assertThat(topics.get(names.stories().name()).partitions()).hasSize(TopicLayout.DEFAULT_PARTITIONS);
            assertThat(topics.get(names.storiesIndex().name()).partitions()).hasSize(1);
            for (String changelog : List.of(names.dedupeIndex().name(), names.storiesIndex().name())) {
                var resource = new ConfigResource(ConfigResource.Type.TOPIC, changelog);
                var config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
                assertThat(config.get("cleanup.policy").value()).as(changelog).isEqualTo("compact");
            }
        }
    }

    @Test
    void shouldHideSecretsWhenPrinted() {
        KafkaSettings settings = KafkaSettings.load("localhost:1", null);
        assertThat(settings.toString()).contains("localhost:1");
        assertThat(KafkaSettings.isSecret("sasl.jaas.config")).isTrue();
        assertThat(KafkaSettings.isSecret("ssl.truststore.password")).isTrue();
        assertThat(KafkaSettings.isSecret("security.protocol")).isFalse();
    }
}
