package dev.newsflow.enrich.text;

/**
 * A word or punctuation mark of one field, located by UTF-16 offsets in that field. Immutable.
 *
 * @param text  the token as written, {@code field.substring(start, end)}
 * @param start offset of the first character
 * @param end   offset after the last character
 */
public record Token(String text, int start, int end) {
    public Token {
        if (text == null || text.isEmpty() || start < 0 || end - start != text.length()) {
            throw new IllegalArgumentException("token '" + text + "' does not fit offsets " + start + ".." + end);
        }
    }

    /** True when the token holds a letter or digit, i.e. counts as a word. */
    public boolean isWord() {
        return Character.isLetterOrDigit(text.codePointAt(0));
    }

    /** True when the token starts with an upper-case letter. */
    public boolean isCapitalized() {
        return Character.isUpperCase(text.codePointAt(0));
    }
}
