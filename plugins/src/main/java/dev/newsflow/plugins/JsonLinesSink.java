package dev.newsflow.plugins;

import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EventJson;
import dev.newsflow.plugin.ArticleHandler;
import dev.newsflow.plugin.RetriableHandlerException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Map;

/**
 * The {@code jsonl} plug-in: appends each enriched article, as one line of JSON (the event exactly as on the
 * topic), to the daily file {@code DIR/enriched-YYYY-MM-DD.jsonl} of the day it was enriched. A line is written
 * whole with one append, so a reader never sees half a line from a process that died between articles. After a
 * crash an article may be appended again (at least once): readers dedupe by {@code article.id}.
 * Used from one thread.
 */
public final class JsonLinesSink implements ArticleHandler {
    private JsonLinesConfig config;
    private LocalDate openDay;
    private FileChannel open;

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public void configure(Map<String, String> settings) {
        config = JsonLinesConfig.from(settings);
    }

    /** The file the articles of {@code day} go to. */
    public static Path fileOf(Path dir, LocalDate day) {
        return dir.resolve("enriched-" + day + ".jsonl");
    }

    @Override
    public void handle(EnrichedArticle article) {
        if (config == null) {
            throw new IllegalStateException("the jsonl plug-in is not configured: set " + JsonLinesConfig.DIR);
        }
        byte[] json = EventJson.toBytes(article);
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        try {
            FileChannel channel = channelFor(LocalDate.ofInstant(article.enrichedAt(), config.zone()));
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            // A full disk or a lost mount passes; retrying later is right, skipping the article is not.
            throw new RetriableHandlerException("cannot append to " + fileOf(config.dir(), openDay) + ": " + e, e);
        }
    }

    private FileChannel channelFor(LocalDate day) throws IOException {
        if (!day.equals(openDay)) {
            closeOpen();
            Files.createDirectories(config.dir());
            open = FileChannel.open(fileOf(config.dir(), day), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            openDay = day;
        }
        return open;
    }

    private void closeOpen() throws IOException {
        if (open != null) {
            try {
                open.force(true);
                open.close();
            } finally {
                open = null;
                openDay = null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closeOpen();
    }
}
