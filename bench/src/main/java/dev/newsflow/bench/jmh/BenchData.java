package dev.newsflow.bench.jmh;

import dev.newsflow.bench.ReutersCorpus;
import dev.newsflow.events.Article;
import java.nio.file.Path;
import java.util.List;

/** The articles the micro-benchmarks run on: Reuters from the data folder given as the JMH parameter {@code data}. */
final class BenchData {
    private BenchData() {
    }

    static List<Article> reuters(String data) {
        if (data == null || data.isBlank()) {
            throw new IllegalArgumentException("pass the shared data folder as -p data=<folder holding reuters21578/>");
        }
        return ReutersCorpus.read(Path.of(data));
    }
}
