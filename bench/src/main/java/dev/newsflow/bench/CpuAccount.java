package dev.newsflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where this process's CPU went between two moments: CPU seconds of its Java threads by group (each stage's
 * thread, the common pool that enriches batches in parallel, the broker, client I/O, the publisher), and what
 * the JVM spent outside them (garbage collection, JIT compilation, threads that ended in between). Busy time says
 * how long a stage held its batch; on two shared cores only CPU time says what it cost. Not thread-safe.
 */
final class CpuAccount {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final double NANOS = 1e9;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> threadNanosAtStart = new HashMap<>();
    private final long processNanosAtStart;

    /** Starts counting now. */
    CpuAccount() {
        for (long id : threads.getAllThreadIds()) {
            threadNanosAtStart.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        processNanosAtStart = processNanos();
    }

    /** CPU seconds since the start by group, plus "JVM outside Java threads" and "total" (rounded to 0.1 s). */
    Map<String, Double> secondsByGroup() {
        Map<String, Double> seconds = new TreeMap<>();
        double threadTotal = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = threads.getThreadCpuTime(info.getThreadId());
            if (now < 0) {
                continue;
            }
            double spent = (now - threadNanosAtStart.getOrDefault(info.getThreadId(), 0L)) / NANOS;
            seconds.merge(group(info.getThreadName()), spent, Double::sum);
            threadTotal += spent;
        }
        double total = (processNanos() - processNanosAtStart) / NANOS;
        seconds.put("JVM outside Java threads (GC, JIT, ended threads)", Math.max(0, total - threadTotal));
        seconds.put("total", total);
        seconds.replaceAll((group, value) -> Math.round(value * 10) / 10.0);
        seconds.values().removeIf(value -> value == 0.0);
        return seconds;
    }

    /** The group of a thread, from its name: stage threads are named {@code <pipeline>-<stage>}. */
    static String group(String threadName) {
        if (threadName.startsWith("ForkJoinPool.commonPool")) {
            return "common pool (enrich batches in parallel)";
        }
        if (threadName.startsWith("kafka-producer-network-thread") || threadName.startsWith("kafka-coordinator")) {
            return "Kafka client I/O";
        }
        if (threadName.startsWith("data-plane-kafka") || threadName.startsWith("kafka-") || threadName.startsWith("quorum")
                || threadName.startsWith("broker-") || threadName.startsWith("TxnMarker") || threadName.startsWith("group-coordinator")
                || threadName.startsWith("AddPartitionsToTxn") || threadName.startsWith("LogDirFailure")
                || threadName.startsWith("ExpirationReaper") || threadName.startsWith("transaction-")) {
            return "broker";
        }
        for (String stage : new String[] {"dedupe", "enrich", "stories", "store"}) {
            if (threadName.endsWith("-" + stage) || threadName.startsWith("newsflow-" + stage)) {
                return stage;
            }
        }
        return "main".equals(threadName) ? "publisher (main)" : DIGITS.matcher(threadName).replaceAll("N");
    }

    private static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
