package dev.newsflow.stories.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusteringScoreTest {

    @Test
    void shouldScorePerfectClusteringAsOne() {
        ClusteringScore score = ClusteringScore.of(List.of("a", "a", "b"), List.of("x", "x", "y"));
        assertThat(score.f1()).isEqualTo(1.0);
        assertThat(score.ari()).isEqualTo(1.0);
    }

    @Test
    void shouldMatchHandComputedBcubedAndAri() {
        // gold {1,2,3}{4,5}; predicted {1,2}{3,4,5}
        ClusteringScore score = ClusteringScore.of(List.of("a", "a", "a", "b", "b"), List.of("x", "x", "y", "y", "y"));
        // precision: items 1,2: 2/2; item 3: 1/3; items 4,5: 2/3 -> (1+1+1/3+2/3+2/3)/5 = 0.7333
        assertThat(score.precision()).isCloseTo(11.0 / 15, within(1e-12));
        // recall: items 1,2: 2/3; item 3: 1/3; items 4,5: 2/2 -> (2/3+2/3+1/3+1+1)/5 = 0.7333
        assertThat(score.recall()).isCloseTo(11.0 / 15, within(1e-12));
        // ARI (sklearn.metrics.adjusted_rand_score gives 0.16666...)
        assertThat(score.ari()).isCloseTo(1.0 / 6, within(1e-12));
    }

    @Test
    void shouldScoreEverythingInOneClusterWithFullRecallAndZeroAri() {
        ClusteringScore score = ClusteringScore.of(List.of("a", "a", "b", "b"), List.of("x", "x", "x", "x"));
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.precision()).isEqualTo(0.5);
        assertThat(score.ari()).isCloseTo(0.0, within(1e-12));
    }
}
