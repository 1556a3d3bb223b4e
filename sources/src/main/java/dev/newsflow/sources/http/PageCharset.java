package dev.newsflow.sources.http;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The character set of a page, found as browsers find it: the {@code Content-Type} header's charset, else a
 * byte-order mark, else a {@code <meta charset>} or {@code http-equiv} tag (or an XML declaration) in the first
 * 4 KB, else UTF-8 when the bytes are valid UTF-8, else ICU's statistical detection (which tells windows-1251
 * Russian from KOI8-R and Latin pages), else windows-1252. Stateless and thread-safe.
 */
public final class PageCharset {
    private static final int HEAD = 4_096;
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]+encoding\\s*=\\s*[\"']([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset FALLBACK = Charset.forName("windows-1252");

    private PageCharset() {
    }

    /** The charset of {@code bytes}, served with {@code contentType} (may be null). */
    public static Charset detect(byte[] bytes, String contentType) {
        Charset declared = contentType == null ? null : named(HEADER_CHARSET.matcher(contentType));
        if (declared != null) {
            return declared;
        }
        Charset bom = byteOrderMark(bytes);
        if (bom != null) {
            return bom;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, HEAD), StandardCharsets.ISO_8859_1);
        Charset meta = named(XML_ENCODING.matcher(head));
        if (meta == null) {
            meta = named(META_CHARSET.matcher(head));
        }
        if (meta != null) {
            // a page that says UTF-16 in ASCII bytes is not UTF-16 (the HTML standard reads it as UTF-8)
            return meta.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : meta;
        }
        if (isUtf8(bytes)) {
            return StandardCharsets.UTF_8;
        }
        CharsetMatch match = new CharsetDetector().setText(nonAsciiWords(bytes)).detect();
        if (match != null && match.getConfidence() >= 10 && Charset.isSupported(match.getName())) {
            return Charset.forName(match.getName());
        }
        return FALLBACK;
    }

    /** {@code bytes} decoded with {@link #detect}; a byte-order mark is dropped. */
    public static String decode(byte[] bytes, String contentType) {
        Charset charset = detect(bytes, contentType);
        String text = new String(bytes, charset);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /**
     * The words of {@code bytes} that hold a byte above ASCII, space-separated: what tells one 8-bit charset from
     * another. Markup, scripts and English boilerplate around a Russian article would otherwise outweigh it.
     */
    static byte[] nonAsciiWords(byte[] bytes) {
        java.io.ByteArrayOutputStream words = new java.io.ByteArrayOutputStream();
        int start = 0;
        boolean high = false;
        for (int i = 0; i <= bytes.length; i++) {
            int b = i < bytes.length ? bytes[i] & 0xFF : ' ';
            boolean wordByte = b >= 0x80 || Character.isLetter(b);
            if (wordByte) {
                high |= b >= 0x80;
                continue;
            }
            if (high) {
                words.write(bytes, start, i - start);
                words.write(' ');
            }
            start = i + 1;
            high = false;
        }
        return words.size() == 0 ? bytes : words.toByteArray();
    }

    private static Charset named(Matcher matcher) {
        if (!matcher.find()) {
            return null;
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        // the HTML standard's aliases: a page labelled latin-1 or ascii is read as windows-1252
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii") || name.equals("ascii")) {
            return FALLBACK;
        }
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException illegal) {
            return null;
        }
    }

    private static Charset byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
