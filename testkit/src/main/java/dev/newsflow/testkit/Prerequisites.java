package dev.newsflow.testkit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a browser, Python's Kafka client, kcat, PostgreSQL). On a developer's machine
 * a test whose prerequisite is missing is skipped, saying what to install; where the environment variable
 * {@value #REQUIRE_ALL} is {@code 1} (CI sets it in {@code .ci/run}, which installs everything), it fails instead,
 * so that no test is ever skipped silently there. Stateless.
 */
public final class Prerequisites {
    /** The environment variable that turns a missing prerequisite from a skip into a failure. */
    public static final String REQUIRE_ALL = "NEWSFLOW_REQUIRE_ALL_TESTS";

    private Prerequisites() {
    }

    /**
     * Skips the calling test when {@code present} is false (or fails it where every test is required).
     *
     * @param missing what is missing and how to get it, e.g. "kcat is not installed (Debian package kcat)"
     */
    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if ("1".equals(System.getenv(REQUIRE_ALL))) {
            Assertions.fail(missing + ", and " + REQUIRE_ALL + "=1 requires every test to run");
        }
        Assumptions.abort(missing);
    }
}
