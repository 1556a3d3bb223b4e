package dev.newsflow.dedupe.bench;

import dev.newsflow.dedupe.DedupeConfig;
import dev.newsflow.dedupe.DedupeIndex;
import dev.newsflow.dedupe.IndexEntry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Heap held by a {@link DedupeIndex} of many articles: fills it with synthetic entries (random signatures,
 * 36-character UUID ids, as restored from the changelog) and reports the used heap after full GCs.
 * Arguments: {@code [articles, default 1000000] [--presize] [key=value dedupe overrides...]};
 * {@code --presize} builds the index with {@code new DedupeIndex(config, articles)}. Run it in its own JVM with
 * a heap limit (see the module README) so the figure is not blurred by a build tool's objects.
 */
public final class HeapBench {

    private HeapBench() {}

    public static void main(String[] args) {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean presize = false;
        Map<String, String> overrides = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--presize")) {
                presize = true;
                continue;
            }
            String[] kv = args[i].split("=", 2);
            overrides.put(kv[0], kv[1]);
        }
        DedupeConfig config = DedupeConfig.fromMap(overrides);
        long before = usedAfterGc();
        long start = System.nanoTime();
        DedupeIndex index = presize ? new DedupeIndex(config, articles) : new DedupeIndex(config);
        Random random = new Random(42);
        byte[] signature = new byte[config.hashes()];
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < articles; i++) {
            random.nextBytes(signature);
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            index.restore(new IndexEntry(id, random.nextLong(), base.plusMillis(i * 100L), config.shingleSize(),
                    100 + random.nextInt(500), signature));
        }
        long fillMs = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterGc();
        long bytes = after - before;
        System.out.printf(Locale.ROOT, "config %s%n", config);
        System.out.printf(Locale.ROOT, "indexed %,d articles in %,d ms (restore, %s); max heap %,d MiB%n",
                index.size(), fillMs, presize ? "presized" : "growing", Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "heap used by the index after GC: %,d bytes = %.1f MiB = %.1f bytes per"
                + " article%n", bytes, bytes / 1048576.0, (double) bytes / articles);
        Reference.reachabilityFence(index);
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // a few rounds: System.gc is a request, and the used figure settles once nothing is left to collect
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
