package dev.newsflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafkaExtension.class)
class RealKafkaExtensionTest {

    @Test
    void shouldHandEveryTestTheSameRealBroker(KafkaBroker first, KafkaBroker second) throws Exception {
        String topic = KafkaBroker.uniqueName("probe");
        try (Admin admin = Admin.create(first.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);

            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(topic);
        }
        assertThat(second.bootstrapServers()).isEqualTo(first.bootstrapServers());
    }
}
