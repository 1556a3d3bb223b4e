package dev.newsflow.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IndexEntryTest {

    private final IndexEntry entry = new IndexEntry("uza-Ўзбек-42", 0x1234_5678_9ABC_DEF0L,
            Instant.parse("2026-11-20T04:00:00.123456Z"), 3, 517, new byte[] {1, -2, 3, 127, -128, 0, 9, 8});

    @Test
    void shouldRoundTripThroughBytesAtMillisecondPrecision() {
        IndexEntry back = IndexEntry.fromBytes(entry.toBytes());

        assertThat(back).isEqualTo(entry);
        assertThat(back.firstSeen()).isEqualTo(Instant.parse("2026-11-20T04:00:00.123Z"));
        assertThat(back.signature()).containsExactly(1, -2, 3, 127, -128, 0, 9, 8);
    }

    @Test
    void shouldBeCompact() {
        assertThat(entry.toBytes()).hasSize(1 + 1 + 2 + "uza-Ўзбек-42".getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + 8 + 8 + 4 + 2 + 8);
    }

    @Test
    void shouldExplainTruncatedBytes() {
        byte[] bytes = entry.toBytes();
        assertThatThrownBy(() -> IndexEntry.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    }

    @Test
    void shouldExplainUnknownFormatVersion() {
        byte[] bytes = entry.toBytes();
        bytes[0] = 9;
        assertThatThrownBy(() -> IndexEntry.fromBytes(bytes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format version 9");
    }

    @Test
    void shouldNotLetCallersMutateTheSignature() {
        entry.signature()[0] = 100;
        assertThat(entry.signature()[0]).isEqualTo((byte) 1);
    }
}
