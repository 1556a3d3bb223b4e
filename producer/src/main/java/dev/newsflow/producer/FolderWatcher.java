package dev.newsflow.producer;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes article files dropped into a folder, as they arrive. A file is published once it has stopped
 * changing for {@link #SETTLE} (so a file still being copied is not read half-written), and again only if it
 * changes later (the same content keeps its id, so dedupe sees a re-send, not a new story). Hidden and
 * temporary files ({@code .*}, {@code *~}, {@code *.tmp}, {@code *.part}) are ignored.
 *
 * <p>{@link #run()} watches on the calling thread until {@link #close()} is called from another thread.
 */
public final class FolderWatcher implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    static final Duration SETTLE = Duration.ofMillis(500);

    private final Path dir;
    private final ArticleProducer producer;
    private final Consumer<String> onFailure;
    private final Consumer<PublishSummary> onPublished;
    private final WatchService watcher;
    private final Map<Path, Long> pendingSince = new HashMap<>();
    private final Map<Path, FileTime> published = new HashMap<>();

    public FolderWatcher(Path dir, ArticleProducer producer, Consumer<String> onFailure, Consumer<PublishSummary> onPublished)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot watch " + dir + ": not a directory");
        }
        this.dir = dir;
        this.producer = Objects.requireNonNull(producer, "producer");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.onPublished = Objects.requireNonNull(onPublished, "onPublished");
        this.watcher = dir.getFileSystem().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }

    @Override
    public void run() {
        LOG.info("Watching {} for new article files", dir);
        try {
            while (true) {
                WatchKey key = watcher.poll(SETTLE.toMillis() / 2, TimeUnit.MILLISECONDS);
                if (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.context() instanceof Path name && isArticleFile(name)) {
                            pendingSince.put(dir.resolve(name), System.nanoTime());
                        }
                    }
                    key.reset();
                }
                publishSettled();
            }
        } catch (ClosedWatchServiceException | InterruptedException stopped) {
            LOG.info("Stopped watching {}", dir);
        }
    }

    private void publishSettled() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<Path, Long>> it = pendingSince.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Long> pending = it.next();
            if (now - pending.getValue() < SETTLE.toNanos()) {
                continue;
            }
            it.remove();
            Path file = pending.getKey();
            try {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                FileTime modified = Files.getLastModifiedTime(file);
                if (modified.equals(published.get(file))) {
                    continue;
                }
                published.put(file, modified);
                onPublished.accept(producer.publish(List.of(file.toString()), onFailure));
            } catch (IOException e) {
                onFailure.accept(file + ": cannot read: " + e.getMessage());
            }
        }
    }

    static boolean isArticleFile(Path name) {
        String lower = name.getFileName().toString().toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && !lower.endsWith("~") && !lower.endsWith(".tmp") && !lower.endsWith(".part");
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
