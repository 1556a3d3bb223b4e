package dev.newsflow.producer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads articles from files and folders. A folder is read recursively, in name order, taking the files whose
 * extension says they hold articles ({@code .txt}: agency text; {@code .jsonl}: JSON Lines); a file named
 * explicitly is read whatever its extension. Every problem is reported as a {@link SourceItem.Failed} naming
 * the path; the other inputs are still read. RSS and Atom feeds are recognised by their content, whatever
 * their extension ({@code .xml}, {@code .rss} and {@code .atom} files are taken from folders). Not thread-safe
 * (one caller at a time).
 */
public final class ArticleFiles {
    /** One agency article is a few KB; 10 MB is far beyond any real one. */
    public static final long DEFAULT_MAX_FILE_BYTES = 10_000_000;
    private static final String ARTICLE_FILES = "*.txt, *.jsonl, *.xml, *.rss, *.atom";

    private final UzaTextFormat text;
    private final JsonLinesFormat jsonLines = new JsonLinesFormat();
    private final FeedFormat feeds = new FeedFormat();
    private final long maxFileBytes;

    public ArticleFiles(UzaTextFormat text, long maxFileBytes) {
        this.text = Objects.requireNonNull(text, "text");
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be positive");
        }
        this.maxFileBytes = maxFileBytes;
    }

    public ArticleFiles() {
        this(new UzaTextFormat(), DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * Reads every article under {@code path}.
     *
     * @param sink receives each article and each failure, in order
     * @return the number of files read (successfully or not)
     */
    public int read(Path path, Consumer<SourceItem> sink) {
        return read(path, sink, bytes -> { });
    }

    /**
     * As {@link #read(Path, Consumer)}, telling {@code bytesRead} how much of the input each step consumed (for
     * progress: the sizes add up to about {@link #sizeOf(Path)}).
     */
    public int read(Path path, Consumer<SourceItem> sink, LongConsumer bytesRead) {
        List<Path> files = new ArrayList<>();
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            sink.accept(new SourceItem.Failed(path.toString(), "no such file or directory"));
            return 0;
        }
        if (Files.isDirectory(path)) {
            if (!collect(path, files, sink)) {
                return 0;
            }
            if (files.isEmpty()) {
                sink.accept(new SourceItem.Failed(path.toString(), "directory holds no readable article files (" + ARTICLE_FILES + ")"));
                return 0;
            }
        } else {
            files.add(path);
        }
        files.forEach(file -> readFile(file, sink, bytesRead));
        return files.size();
    }

    /** The bytes of the article files under {@code path} (0 when it cannot be read): what an import will read. */
    public long sizeOf(Path path) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            collect(path, files, item -> { });
        } else if (Files.isRegularFile(path)) {
            files.add(path);
        }
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException unreadable) {
                // reported when the import reads it
            }
        }
        return total;
    }

    private boolean collect(Path dir, List<Path> files, Consumer<SourceItem> sink) {
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return d.getFileName() != null && d.getFileName().toString().startsWith(".") && !d.equals(dir)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && holdsArticles(file) && Files.isReadable(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String reason = e instanceof FileSystemLoopException
                            ? "symbolic link loop" : "cannot read: " + e.getClass().getSimpleName();
                    sink.accept(new SourceItem.Failed(file.toString(), reason));
                    return FileVisitResult.CONTINUE;
                }
            });
            files.sort(null);
            return true;
        } catch (IOException e) {
            sink.accept(new SourceItem.Failed(dir.toString(), "cannot list directory: " + e.getMessage()));
            return false;
        }
    }

    private void readFile(Path file, Consumer<SourceItem> sink, LongConsumer bytesRead) {
        String origin = file.getFileName().toString();
        try {
            if (isJsonLines(file)) {
                readJsonLines(file, sink, bytesRead);
                return;
            } else if (isFeed(file)) {
                feeds.read(origin, file.toString(), TextFiles.readBounded(file, maxFileBytes), sink);
            } else {
                sink.accept(new SourceItem.Parsed(text.parse(origin, TextFiles.readUtf8(file, maxFileBytes))));
            }
            bytesRead.accept(Files.size(file));
        } catch (ArticleFormatException e) {
            sink.accept(new SourceItem.Failed(file.toString(), e.getMessage()));
        } catch (FileSystemLoopException e) {
            sink.accept(new SourceItem.Failed(file.toString(), "symbolic link loop"));
        } catch (NoSuchFileException e) {
            sink.accept(new SourceItem.Failed(file.toString(), "no such file (a dangling or looping symbolic link?)"));
        } catch (IOException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("Too many levels of symbolic links")
                    ? "symbolic link loop" : "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage();
            sink.accept(new SourceItem.Failed(file.toString(), reason));
        }
    }

    private void readJsonLines(Path file, Consumer<SourceItem> sink, LongConsumer bytesRead) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            jsonLines.read(file.getFileName().toString(), reader, sink, bytesRead);
        } catch (CharacterCodingException e) {
            sink.accept(new SourceItem.Failed(file.toString(), "invalid UTF-8; the lines before it were read"));
        }
    }

    private static boolean holdsArticles(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".txt") || isJsonLines(file)
                || name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom"));
    }

    private static boolean isFeed(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return FeedFormat.looksLikeFeed(in.readNBytes(1_024));
        }
    }

    private static boolean isJsonLines(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
    }
}
