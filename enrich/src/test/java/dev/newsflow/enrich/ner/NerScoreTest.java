package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.enrich.ner.LabeledSentence.TokenSpan;
import dev.newsflow.events.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class NerScoreTest {

    @Test
    void shouldCountOnlyExactSpanAndTypeMatches() {
        NerScore score = new NerScore();
        score.add(List.of(new TokenSpan(0, 2, EntityType.PERSON), new TokenSpan(3, 4, EntityType.LOCATION)),
                List.of(new TokenSpan(0, 2, EntityType.PERSON), new TokenSpan(3, 4, EntityType.ORGANIZATION),
                        new TokenSpan(5, 7, EntityType.LOCATION)));
        score.add(List.of(new TokenSpan(1, 3, EntityType.ORGANIZATION)), List.of(new TokenSpan(1, 2, EntityType.ORGANIZATION)));

        assertThat(score.precision()).isCloseTo(1 / 4.0, within(1e-9));
        assertThat(score.recall()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(score.f1()).isCloseTo(2 * (0.25 / 3) / (0.25 + 1 / 3.0), within(1e-9));
        assertThat(score.f1(EntityType.PERSON)).isEqualTo(1.0);
        assertThat(score.f1(EntityType.LOCATION)).isZero();
        assertThat(score.goldCount()).isEqualTo(3);
    }
}
