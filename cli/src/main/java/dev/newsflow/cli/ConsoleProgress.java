package dev.newsflow.cli;

import dev.newsflow.producer.ArticleProducer;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows how a long import is going: on a terminal a bar redrawn in place with rate and ETA, otherwise (logs,
 * pipes, CI) a plain line every few seconds. Quiet for imports that finish within the first interval.
 * Thread-safe.
 */
final class ConsoleProgress implements ArticleProducer.Progress {
    private static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastShown = start;
    private boolean drawn;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Progress on stderr, as a bar when a terminal is attached. */
    static ConsoleProgress onStderr() {
        return new ConsoleProgress(System.err, System.console() != null);
    }

    @Override
    public synchronized void update(long bytesRead, long bytesTotal, int published) {
        long now = System.nanoTime();
        boolean done = bytesTotal > 0 && bytesRead >= bytesTotal;
        if (now - lastShown < (terminal ? TERMINAL_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS) && !(done && drawn)) {
            return;
        }
        lastShown = now;
        out.print(terminal ? "\r" + line(bytesRead, bytesTotal, published, now) + (done ? "\n" : "")
                : line(bytesRead, bytesTotal, published, now) + "\n");
        out.flush();
        drawn = !done;
    }

    String line(long bytesRead, long bytesTotal, int published, long now) {
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double fraction = bytesTotal > 0 ? Math.min(1.0, (double) bytesRead / bytesTotal) : 0.0;
        String rate = String.format(Locale.ROOT, "%,.0f articles/s", published / seconds);
        String eta = fraction > 0 && fraction < 1 ? " ETA " + duration((long) (seconds * (1 - fraction) / fraction)) : "";
        if (!terminal) {
            return String.format(Locale.ROOT, "progress: %.0f%% read, %,d articles published, %s%s", fraction * 100, published, rate, eta);
        }
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3.0f%% %,d articles %s%s", "=".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                fraction * 100, published, rate, eta);
    }

    private static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
