package dev.newsflow.producer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable article ids: the same input always gets the same id, so publishing it twice is recognised as a
 * re-send downstream. Stateless and thread-safe.
 */
public final class ArticleIds {
    /** Agency export names such as {@code 000_51b25be97f64b557.txt}: the hex part is the agency's own id. */
    private static final Pattern AGENCY_FILE_NAME = Pattern.compile("^\\d+_([0-9a-fA-F]{8,64})\\.[A-Za-z0-9]+$");

    private ArticleIds() {
    }

    /** The agency id in a file name of the form {@code NNN_<hex>.txt}, if it has that form. */
    public static Optional<String> fromFileName(String fileName) {
        Matcher matcher = AGENCY_FILE_NAME.matcher(fileName);
        return matcher.matches() ? Optional.of(matcher.group(1).toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    /** 16 hex digits of the SHA-256 of the parts, for inputs that carry no id of their own. */
    public static String fromContent(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
