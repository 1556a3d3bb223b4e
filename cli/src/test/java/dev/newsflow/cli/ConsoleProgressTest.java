package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void shouldDrawABarWithRateAndEtaOnATerminal() {
        var progress = new ConsoleProgress(new PrintStream(new ByteArrayOutputStream()), true);
        long tenSecondsLater = System.nanoTime() + 10_000_000_000L;

        String line = progress.line(250, 1_000, 5_000, tenSecondsLater);

        assertThat(line).startsWith("[========                      ]  25% 5,000 articles 500 articles/s ETA 0:30");
    }

    @Test
    void shouldWritePlainLinesWhenNotOnATerminal() {
        var out = new ByteArrayOutputStream();
        var progress = new ConsoleProgress(new PrintStream(out, true, StandardCharsets.UTF_8), false);

        String line = progress.line(500, 1_000, 100, System.nanoTime() + 4_000_000_000L);

        assertThat(line).isEqualTo("progress: 50% read, 100 articles published, 25 articles/s ETA 0:04");
        assertThat(line).doesNotContain("\r");
    }
}
