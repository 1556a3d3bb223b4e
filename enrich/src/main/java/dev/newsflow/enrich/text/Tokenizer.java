package dev.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words and single punctuation marks, the way the labelled NER corpora are tokenized:
 * apostrophes and hyphens inside a word stay in it (Turkish {@code Türkiye'de}, Uzbek {@code Oʻzbekiston},
 * {@code Nur-Sultan}), numbers keep their separators ({@code 3.5}, {@code 09:12}); every other non-space
 * character is a token of its own. Stateless and thread-safe.
 *
 * <p>The grammar is that of the pattern
 * {@code \p{N}+(?:[.,:]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:['’ʻʼ‘`\-][\p{L}\p{M}\p{N}]+)*|\S} found left to right,
 * read here by hand: the pattern, tried at every character of every field, was a thirtieth of enrichment's time.
 * The tests hold the two to the same tokens.
 */
public final class Tokenizer {
    private static final int NUMBER = 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.LETTER_NUMBER
            | 1 << Character.OTHER_NUMBER;
    private static final int WORD = NUMBER | 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
            | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER
            | 1 << Character.NON_SPACING_MARK | 1 << Character.ENCLOSING_MARK | 1 << Character.COMBINING_SPACING_MARK;
    private static final String NUMBER_SEPARATORS = ".,:";
    private static final String WORD_JOINERS = "'’ʻʼ‘`-";

    private Tokenizer() {
    }

    /** Tokens of {@code text[from, to)}, offsets relative to {@code text}. */
    public static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        int position = from;
        while (position < to) {
            int width = Character.charCount(text.codePointAt(position));
            if (position + width > to) {
                break; // a surrogate pair cut by the end of the range is no character of it
            }
            if (isSpace(text.charAt(position))) {
                position++;
                continue;
            }
            int end = numberEnd(text, position, to);
            if (end < 0) {
                end = wordEnd(text, position, to);
            }
            if (end < 0) {
                end = position + width;
            }
            tokens.add(new Token(text.substring(position, end), position, end));
            position = end;
        }
        return tokens;
    }

    public static List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }

    /** The pattern's {@code \s}: ASCII white space only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /** The end of digits with at least one group of separator and digits, as in 3.5 or 09:12; -1 if none. */
    private static int numberEnd(String text, int from, int to) {
        int end = runEnd(text, from, to, NUMBER);
        if (end == from) {
            return -1;
        }
        boolean grouped = false;
        while (end < to && NUMBER_SEPARATORS.indexOf(text.charAt(end)) >= 0) {
            int group = runEnd(text, end + 1, to, NUMBER);
            if (group == end + 1) {
                break;
            }
            end = group;
            grouped = true;
        }
        return grouped ? end : -1;
    }

    /** The end of letters, marks and digits, joined by apostrophes or hyphens; -1 if none. */
    private static int wordEnd(String text, int from, int to) {
        int end = runEnd(text, from, to, WORD);
        if (end == from) {
            return -1;
        }
        while (end < to && WORD_JOINERS.indexOf(text.charAt(end)) >= 0) {
            int next = runEnd(text, end + 1, to, WORD);
            if (next == end + 1) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** The end of the characters from {@code from} whose Unicode category is one of {@code categories}. */
    private static int runEnd(String text, int from, int to, int categories) {
        int position = from;
        while (position < to) {
            int codePoint = text.codePointAt(position);
            int next = position + Character.charCount(codePoint);
            if (next > to || (1 << Character.getType(codePoint) & categories) == 0) {
                break;
            }
            position = next;
        }
        return position;
    }
}
