package dev.newsflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts enrich stages as separate JVMs, exactly as a user would: {@code java -cp <classpath>
 * dev.newsflow.cli.Newsflow enrich --bootstrap-servers ... --instance-id N --pipeline-name X}, with the
 * {@code -XX:} options this JVM runs with (JIT and GC settings), so one and two processes compare under the same
 * settings as the in-process stages. Each child's output goes to a log file in the work dir. Not thread-safe.
 */
final class EnrichProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichProcesses.class);

    private final String bootstrapServers;
    private final Path workDir;
    private final String classpath;
    private final String heap;

    EnrichProcesses(String bootstrapServers, Path workDir, String classpath, String heap) {
        this.bootstrapServers = bootstrapServers;
        this.workDir = workDir;
        this.classpath = classpath;
        this.heap = heap;
    }

    /** The command line of instance {@code instance} of the enrich stage of {@code pipeline} (topics suffixed alike). */
    List<String> command(String pipeline, int instance) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", classpath, "dev.newsflow.cli.Newsflow", "enrich",
                "--bootstrap-servers", bootstrapServers, "--instance-id", Integer.toString(instance),
                "--pipeline-name", pipeline, "--topic-suffix", pipeline,
                "--data-dir", workDir.resolve("enrich-" + pipeline + "-" + instance).toString()));
        return command;
    }

    /** This JVM's {@code -XX:} options, but a flight recording (every child would write the same file). */
    private static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-XX:") && !option.contains("FlightRecord"))
                .toList();
    }

    Running start(InProcessPipeline pipeline, int instances) throws IOException {
        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                Path log = workDir.resolve("enrich-" + pipeline.name() + "-" + i + ".log");
                Files.createDirectories(log.getParent());
                processes.add(new ProcessBuilder(command(pipeline.name(), i)).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start());
                LOG.info("started enrich process {} of {} (pid {}), log {}", i + 1, instances, processes.get(i).pid(), log);
            }
        } catch (IOException | RuntimeException e) {
            new Running(processes).close();
            throw e;
        }
        return new Running(processes);
    }

    /** The running children; closing sends SIGTERM (a clean stage shutdown) and waits, then kills stragglers. */
    record Running(List<Process> processes) implements AutoCloseable {
        List<Long> pids() {
            return processes.stream().map(Process::pid).toList();
        }

        @Override
        public void close() {
            processes.forEach(Process::destroy);
            for (Process process : processes) {
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
        }
    }
}
