package dev.newsflow.consumer.runtime;

import dev.newsflow.events.Article;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.events.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Small stages of each kind for the runtime's tests, on the raw topic. An article titled {@code reject} is one the
 * stage cannot process (a permanent failure); {@code transientFailures} makes the next calls fail transiently.
 */
final class TestStages {
    static final String REJECT = "reject";

    private TestStages() {
    }

    private static void rejectIfAsked(Article article) {
        if (REJECT.equals(article.title())) {
            throw new IllegalArgumentException("cannot process " + article.id());
        }
    }

    /** {@code from -> to}, title upper-cased. */
    static final class UpperCase implements TransactionalStage<Article> {
        final AtomicInteger transientFailures = new AtomicInteger();
        final AtomicInteger aborts = new AtomicInteger();
        private final String name;
        private final Topic<Article> from;
        private final Topic<Article> to;

        /** raw -> unique. */
        UpperCase(PipelineTopics topics) {
            this("upper", topics.raw(), topics.unique());
        }

        UpperCase(String name, Topic<Article> from, Topic<Article> to) {
            this.name = name;
            this.from = from;
            this.to = to;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Topic<? extends Article>> inputs() {
            return List.of(from);
        }

        @Override
        public List<ProducerRecord<String, byte[]>> process(InputRecord<Article> input) {
            Article in = input.event();
            if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new TransientException("service busy", null);
            }
            rejectIfAsked(in);
            Article out = new Article(in.id(), in.title().toUpperCase(), in.body(), in.author(), in.source(), in.publishedAt(),
                    in.url(), in.language(), in.origin());
            return List.of(Outputs.derived(to, in.id(), out, input));
        }

        @Override
        public void onAbort() {
            aborts.incrementAndGet();
        }
    }

    /** raw -> a map, with the offsets beside the rows, as a database would keep them. */
    static final class MemoryStore implements StoredOffsetsStage<Article> {
        final Map<String, Article> rows = new ConcurrentHashMap<>();
        final Map<TopicPartition, Long> offsets = new ConcurrentHashMap<>();
        /** The writes (1 = the first) that fail transiently. */
        final Set<Integer> transientAtWrites = ConcurrentHashMap.newKeySet();
        /** Each write, as the list of article ids it held. */
        final List<List<String>> writes = new CopyOnWriteArrayList<>();
        private final PipelineTopics topics;

        MemoryStore(PipelineTopics topics) {
            this.topics = topics;
        }

        @Override
        public String name() {
            return "memory";
        }

        @Override
        public List<Topic<? extends Article>> inputs() {
            return List.of(topics.raw());
        }

        @Override
        public synchronized void write(List<InputRecord<Article>> batch, Map<TopicPartition, Long> nextOffsets) {
            List<String> ids = new ArrayList<>();
            batch.forEach(input -> ids.add(input.event().id()));
            writes.add(ids);
            if (transientAtWrites.contains(writes.size())) {
                throw new TransientException("database busy", null);
            }
            batch.forEach(input -> rejectIfAsked(input.event()));
            batch.forEach(input -> rows.put(input.event().id(), input.event()));
            offsets.putAll(nextOffsets);
        }

        @Override
        public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> stored = new HashMap<>(offsets);
            stored.keySet().retainAll(partitions);
            return stored;
        }
    }

    /** Hands each article to a list, as a plug-in would to a service. */
    static final class Recorder implements AtLeastOnceStage<Article> {
        /** The id of every article handed over, in order, including those that failed. */
        final List<String> calls = new CopyOnWriteArrayList<>();
        /** Ids of articles that fail transiently the first time they come. */
        final Set<String> failOnce = ConcurrentHashMap.newKeySet();
        /** Milliseconds the first call sleeps: longer than max.poll.interval.ms makes the group move on. */
        volatile long firstCallSleepMillis;
        private final PipelineTopics topics;

        Recorder(PipelineTopics topics) {
            this.topics = topics;
        }

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public List<Topic<? extends Article>> inputs() {
            return List.of(topics.raw());
        }

        @Override
        public void handle(InputRecord<Article> input) throws InterruptedException {
            long sleep = firstCallSleepMillis;
            firstCallSleepMillis = 0;
            Thread.sleep(sleep);
            calls.add(input.event().id());
            if (failOnce.remove(input.event().id())) {
                throw new TransientException("service unavailable", null);
            }
            rejectIfAsked(input.event());
        }
    }
}
