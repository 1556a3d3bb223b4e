package dev.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into words and single punctuation marks, the way the labelled NER corpora are tokenized:
 * apostrophes and hyphens inside a word stay in it (Turkish {@code Türkiye'de}, Uzbek {@code Oʻzbekiston},
 * {@code Nur-Sultan}), numbers keep their separators ({@code 3.5}, {@code 09:12}); every other non-space
 * character is a token of its own. Stateless and thread-safe.
 */
public final class Tokenizer {

    private static final Pattern TOKEN = Pattern.compile(
            "\\p{N}+(?:[.,:]\\p{N}+)+|[\\p{L}\\p{M}\\p{N}]+(?:['’ʻʼ‘`\\-][\\p{L}\\p{M}\\p{N}]+)*|\\S");

    private Tokenizer() {
    }

    /** Tokens of {@code text[from, to)}, offsets relative to {@code text}. */
    public static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text).region(from, to);
        while (matcher.find()) {
            tokens.add(new Token(matcher.group(), matcher.start(), matcher.end()));
        }
        return tokens;
    }

    public static List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }
}
