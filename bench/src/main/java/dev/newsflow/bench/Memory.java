package dev.newsflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of processes, read from {@code /proc/<pid>/status} (Linux). Stateless and thread-safe. */
final class Memory {
    private Memory() {
    }

    /** VmRSS of this process in MiB, or -1 where /proc is not available. */
    static double selfRssMiB() {
        return rssMiB("self");
    }

    /** VmRSS of process {@code pid} in MiB, or -1 when it is gone or /proc is not available. */
    static double rssMiB(long pid) {
        return rssMiB(Long.toString(pid));
    }

    private static double rssMiB(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return parseKiB(line) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** The kB figure of a {@code /proc/.../status} line such as {@code "VmRSS:\t  123456 kB"}. */
    static long parseKiB(String line) {
        String digits = line.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("no number in status line '" + line + "'");
        }
        return Long.parseLong(digits);
    }
}
