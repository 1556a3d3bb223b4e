package dev.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeatureHashesTest {

    @Test
    void shouldFindEveryNameItHoldsAndNoOtherName() {
        int count = 200_000;
        FeatureHashes table = new FeatureHashes(count);
        for (int i = 0; i < count; i++) {
            table.put("w=" + i, i);
        }

        assertThat(table.size()).isEqualTo(count);
        assertThat(IntStream.range(0, count).filter(i -> table.row("w=" + i) != i)).isEmpty();
        assertThat(IntStream.range(0, count).filter(i -> table.row("p1w=" + i) != -1 || table.row("w=" + (count + i)) != -1)).isEmpty();
    }

    @Test
    void shouldTellApartNamesThatDifferOnlyInOrderOrLength() {
        FeatureHashes table = new FeatureHashes(4);
        table.put("ab", 0);
        table.put("ba", 1);
        table.put("a", 2);

        assertThat(table.row("ab")).isZero();
        assertThat(table.row("ba")).isEqualTo(1);
        assertThat(table.row("a")).isEqualTo(2);
        assertThat(table.row("")).isEqualTo(-1);
        assertThat(table.row("a\u0000")).isEqualTo(-1);
    }

    @Test
    void shouldKeepEachKnownRowOnceInTheOrderFirstSeen() {
        int[] rows = {7, -1, 3, 7, 1_000_000, 3, -1, 0, 99};

        assertThat(FeatureHashes.distinctKnown(rows, 8)).containsExactly(7, 3, 1_000_000, 0);
        assertThat(FeatureHashes.distinctKnown(rows, 0)).isEmpty();
    }

    @Test
    void shouldKeepEachKnownRowOnceInPlaceAndLeaveTheScratchClean() {
        int[] seen = new int[FeatureHashes.seenTableSize(8)];
        int[] first = {7, -1, 3, 7, 1_000_000, 3, -1, 0};
        int[] second = {5, 5, 5, -1, 9, 0, 9, 2};

        assertThat(FeatureHashes.distinctKnown(first, 8, seen)).isEqualTo(4);
        assertThat(first).startsWith(7, 3, 1_000_000, 0);
        assertThat(seen).containsOnly(0);
        // the same scratch for the next token: nothing of the first one's rows is remembered
        assertThat(FeatureHashes.distinctKnown(second, 8, seen)).isEqualTo(4);
        assertThat(second).startsWith(5, 9, 0, 2);
        assertThat(FeatureHashes.distinctKnown(second, 0, seen)).isZero();
    }

    @Test
    void shouldRefuseANameTwiceAndMoreNamesThanItWasSizedFor() {
        FeatureHashes table = new FeatureHashes(2);
        table.put("suf=ab", 0);

        assertThatThrownBy(() -> table.put("suf=ab", 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("suf=ab");
        table.put("suf=b", 1);
        assertThatThrownBy(() -> table.put("suf=c", 2)).isInstanceOf(IllegalStateException.class).hasMessageContaining("full");
    }

    @Test
    void shouldRefuseARowItCannotStoreInASlot() {
        FeatureHashes table = new FeatureHashes(4);
        table.put("w=last", FeatureHashes.MAX_ROWS);

        assertThat(table.row("w=last")).isEqualTo(FeatureHashes.MAX_ROWS);
        assertThatThrownBy(() -> table.put("w=x", FeatureHashes.MAX_ROWS + 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w=x");
        assertThatThrownBy(() -> table.put("w=y", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
