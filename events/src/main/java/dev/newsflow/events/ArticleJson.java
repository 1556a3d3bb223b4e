package dev.newsflow.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.RecordComponent;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes an {@link Article} as the very bytes Jackson writes for it (same field order, nulls, escapes), in
 * about half the time: the producer encodes every article in its send loop, and Jackson's character by
 * character escaping of a 3 KB body was the largest cost there. Should {@code Article}'s components ever differ
 * from the fields written here, every article goes to Jackson. Text is turned into UTF-8 by
 * {@link String#getBytes} (an intrinsic) and searched for bytes that need an escape eight at a time. A text
 * with a surrogate is left to Jackson, which escapes surrogates as {@code \\uD83D} where UTF-8 would have
 * four bytes. Stateless and thread-safe.
 */
final class ArticleJson {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SURROGATE = new byte[0];
    static final String[] FIELDS = {"id", "title", "body", "author", "source", "publishedAt", "url", "language", "origin",
        "extraction"};
    private static final boolean FIELDS_MATCH_ARTICLE = Arrays.equals(FIELDS,
            Arrays.stream(Article.class.getRecordComponents()).map(RecordComponent::getName).toArray());
    /** The JSON before each value, in the record's component order, as Jackson writes them. */
    private static final byte[][] PREFIXES = prefixes(FIELDS);

    private ArticleJson() {
    }

    /**
     * The article as JSON, or {@code null} when one of its texts holds a surrogate or the fields here are not
     * {@code Article}'s (then Jackson writes it).
     */
    static byte[] encode(Article article) {
        if (!FIELDS_MATCH_ARTICLE) {
            return null;
        }
        byte[][] values = {
                utf8(article.id()), utf8(article.title()), utf8(article.body()), utf8(article.author()),
                utf8(article.source()), article.publishedAt() == null ? null : utf8(article.publishedAt().toString()),
                utf8(article.url()), utf8(article.language()), utf8(article.origin()),
                article.extraction() == null ? null : utf8(article.extraction().wireName())};
        // extraction is written only when set (@JsonInclude(NON_NULL)), so older readers see the same bytes
        int fields = article.extraction() == null ? values.length - 1 : values.length;
        int length = 1;
        for (int i = 0; i < fields; i++) {
            if (values[i] == SURROGATE) {
                return null;
            }
            length += PREFIXES[i].length + (values[i] == null ? NULL.length : values[i].length + 2);
        }
        Output out = new Output(length + length / 16 + 16);
        for (int i = 0; i < fields; i++) {
            out.write(PREFIXES[i]);
            if (values[i] == null) {
                out.write(NULL);
            } else {
                out.writeQuoted(values[i]);
            }
        }
        out.writeByte('}');
        return out.toByteArray();
    }

    /** UTF-8 of {@code text}, {@code null} for null, {@link #SURROGATE} when the text holds one. */
    private static byte[] utf8(String text) {
        if (text == null) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == text.length()) {
            // one byte a character: ASCII, unless getBytes put '?' for a lone surrogate (both comparisons are intrinsics)
            return text.equals(new String(bytes, StandardCharsets.ISO_8859_1)) ? bytes : SURROGATE;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return SURROGATE;
            }
        }
        return bytes;
    }

    /**
     * The high bit of each byte of {@code word} that equals {@code b}. Borrows can also mark bytes after a real
     * match, never before the first one: the lowest bit set is always a real match.
     */
    private static long matches(long word, char b) {
        long x = word ^ (b * ONES);
        return (x - ONES) & ~x & HIGH_BITS;
    }

    /** Index of the first byte from {@code from} on that JSON must escape ({@code "}, backslash, below 0x20), or the length. */
    static int nextEscape(byte[] bytes, int from) {
        int i = from;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long controls = (word - 0x20 * ONES) & ~word & HIGH_BITS; // bytes below 0x20, with the same borrow caveat
            long escapes = controls | matches(word, '"') | matches(word, '\\');
            if (escapes != 0) { // little-endian: the lowest bit is the first byte
                return i + (Long.numberOfTrailingZeros(escapes) >>> 3);
            }
        }
        for (; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b >= 0 && (b < 0x20 || b == '"' || b == '\\')) {
                return i;
            }
        }
        return bytes.length;
    }

    private static byte[][] prefixes(String... names) {
        byte[][] prefixes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            prefixes[i] = ((i == 0 ? "{\"" : ",\"") + names[i] + "\":").getBytes(StandardCharsets.US_ASCII);
        }
        return prefixes;
    }

    /** A growing byte buffer. */
    private static final class Output {
        private byte[] buffer;
        private int size;

        Output(int capacity) {
            buffer = new byte[capacity];
        }

        void write(byte[] bytes) {
            write(bytes, 0, bytes.length);
        }

        void write(byte[] bytes, int from, int to) {
            ensure(to - from);
            System.arraycopy(bytes, from, buffer, size, to - from);
            size += to - from;
        }

        void writeByte(int b) {
            ensure(1);
            buffer[size++] = (byte) b;
        }

        /** {@code "text"}, escaped as Jackson escapes it: short forms where JSON has one, else {@code \\u00XX}. */
        void writeQuoted(byte[] text) {
            writeByte('"');
            int start = 0;
            for (int at = nextEscape(text, 0); at < text.length; at = nextEscape(text, start)) {
                write(text, start, at);
                writeEscape(text[at]);
                start = at + 1;
            }
            write(text, start, text.length);
            writeByte('"');
        }

        private void writeEscape(byte b) {
            ensure(6);
            buffer[size++] = '\\';
            switch (b) {
                case '"', '\\' -> buffer[size++] = b;
                case '\b' -> buffer[size++] = 'b';
                case '\t' -> buffer[size++] = 't';
                case '\n' -> buffer[size++] = 'n';
                case '\f' -> buffer[size++] = 'f';
                case '\r' -> buffer[size++] = 'r';
                default -> {
                    buffer[size++] = 'u';
                    buffer[size++] = '0';
                    buffer[size++] = '0';
                    buffer[size++] = HEX[b >> 4];
                    buffer[size++] = HEX[b & 0xF];
                }
            }
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        }
    }
}
