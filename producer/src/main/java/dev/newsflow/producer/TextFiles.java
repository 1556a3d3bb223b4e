package dev.newsflow.producer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a text file strictly: bounded size, no NUL bytes, valid UTF-8, byte-order mark dropped. */
final class TextFiles {
    private static final char BOM = '\uFEFF';

    private TextFiles() {
    }

    static String readUtf8(Path file, long maxBytes) throws ArticleFormatException, IOException {
        byte[] bytes = readBounded(file, maxBytes);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ArticleFormatException("binary file (NUL byte at offset " + i + "), expected UTF-8 text");
            }
        }
        String text = decode(bytes);
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** The bytes of a non-empty file of at most {@code maxBytes}. */
    static byte[] readBounded(Path file, long maxBytes) throws ArticleFormatException, IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new ArticleFormatException("empty file");
        }
        if (size > maxBytes) {
            throw new ArticleFormatException(String.format(java.util.Locale.ROOT,
                    "file is %.1f MB, larger than the %.1f MB limit for one article", size / 1e6, maxBytes / 1e6));
        }
        return Files.readAllBytes(file);
    }

    static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line;
    }

    private static String decode(byte[] bytes) throws ArticleFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new ArticleFormatException("invalid UTF-8 at byte offset " + in.position());
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            throw new ArticleFormatException("invalid UTF-8 at the end of the file");
        }
        return out.flip().toString();
    }
}
