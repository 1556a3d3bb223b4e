package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.events.Article;
import dev.newsflow.events.EventJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures the report is made of. */
class StatsTest {

    @Test
    void shouldTakeTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(Stats.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void shouldTakeNearestRankPercentiles() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i; // 1..100, reversed
        }
        assertThat(Stats.percentile(values, 50)).isEqualTo(50);
        assertThat(Stats.percentile(values, 99)).isEqualTo(99);
        assertThat(Stats.percentile(values, 100)).isEqualTo(100);
        assertThatThrownBy(() -> Stats.percentile(values, 0)).hasMessageContaining("percentile");
    }

    @Test
    void shouldReadTheKibFigureOfAProcStatusLine() {
        assertThat(Memory.parseKiB("VmRSS:\t  123456 kB")).isEqualTo(123_456);
        assertThatThrownBy(() -> Memory.parseKiB("VmRSS: kB")).hasMessageContaining("VmRSS");
    }

    @Test
    void shouldMeasureThisProcessResidentMemoryOnLinux() {
        double rss = Memory.selfRssMiB();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(rss).isGreaterThan(1);
        } else {
            assertThat(rss).isEqualTo(-1);
        }
    }

    @Test
    void shouldSizeProducerValuesToTheRequestedBytes() {
        Article source = new Article("a", "Title", "Some prose.\n\nMore prose, and more, and more words here. ".repeat(200),
                null, "Src", null, null, "en", null);

        List<Article> sized = ProducerComparison.sized(List.of(source), 20, 1000);

        assertThat(sized).hasSize(20).extracting(Article::id).doesNotHaveDuplicates();
        assertThat(sized).allSatisfy(a -> assertThat(EventJson.toBytes(a).length).isBetween(900, 1000));
    }

    @Test
    void shouldUseThePublishersOwnDeliverySettings() {
        assertThat(ProducerComparison.deliverySettings()).containsEntry("acks", "all").containsKey("enable.idempotence");
    }
}
