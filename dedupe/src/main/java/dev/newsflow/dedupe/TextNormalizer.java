package dev.newsflow.dedupe;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a text into the word tokens that dedupe compares, so that copies differing only in form compare equal.
 *
 * <p>Steps: Unicode NFKC (full-width and compatibility forms, ligatures); Cyrillic text through ICU's
 * {@code uz_Cyrl-uz_Latn} transliterator, so Uzbek in Cyrillic and in Latin script yield the same tokens;
 * NFKC case folding; an apostrophe-like mark (' ‘ ’ ʻ ʼ ` ´) between a word and a letter becomes one
 * canonical mark (U+02BC), so {@code o'zbek}, {@code o‘zbek}, {@code oʻzbek} and Cyrillic {@code ўзбек} agree
 * while {@code gʻ} (ғ) stays distinct from {@code g} (г); elsewhere it is a quote and separates; every other
 * character that is not a letter, mark or digit
 * (punctuation, quotes, dashes, symbols, whitespace) separates tokens.
 *
 * <p>Deliberately no accent or "generic" folding (such as ICU folding or Lucene's {@code ICUFoldingFilter}):
 * that would merge distinct letters of Kazakh, Kyrgyz, Turkish and Azerbaijani (қ/к, ө/о, ı/i). The
 * transliterator maps Uzbek Cyrillic letters only and leaves Kazakh-specific letters (ә ө ү ұ і ң һ) as they
 * are, still distinct from each other. Russian and Kazakh Cyrillic text is transliterated as well; that is
 * harmless because only equality of tokens matters, and it keeps Uzbek detection out of the hot path.
 *
 * <p>Not thread-safe (the ICU transliterator is not): one instance per thread.
 */
public final class TextNormalizer {

    /** The one apostrophe kept inside words (U+02BC MODIFIER LETTER APOSTROPHE). */
    static final char APOSTROPHE = '\u02BC';

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    private final Transliterator uzbekCyrillicToLatin = Transliterator.getInstance("uz_Cyrl-uz_Latn");

    /** The tokens of {@code text} in order; empty when it has no letter or digit. */
    public List<String> tokens(String text) {
        String folded = fold(text);
        List<String> tokens = new ArrayList<>(folded.length() / 6 + 1);
        StringBuilder token = new StringBuilder(16);
        int i = 0;
        while (i < folded.length()) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (isApostrophe(cp)) {
                if (token.length() > 0 && i < folded.length() && Character.isLetter(folded.codePointAt(i))) {
                    // inside a word: Uzbek oʻ, gʻ and the tutuq belgisi; one mark for all their spellings
                    token.append(APOSTROPHE);
                } else if (token.length() > 0) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else if (isWordPart(cp)) {
                token.appendCodePoint(cp);
            } else if (token.length() > 0) {
                tokens.add(token.toString());
                token.setLength(0);
            }
        }
        if (token.length() > 0) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    /** The tokens joined by single spaces: the canonical form the exact fingerprint is taken of. */
    public String normalize(String text) {
        return String.join(" ", tokens(text));
    }

    private String fold(String text) {
        String s = NFKC.normalize(text);
        if (containsCyrillic(s)) {
            s = uzbekCyrillicToLatin.transliterate(s);
        }
        return NFKC_CASEFOLD.normalize(s);
    }

    private static boolean containsCyrillic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0400' && c <= '\u04FF') {
                return true;
            }
        }
        return false;
    }

    private static boolean isApostrophe(int cp) {
        return switch (cp) {
            case '\'', '`', '\u00B4', '\u2018', '\u2019', '\u201B', '\u02BB', '\u02BC', '\u02B9', '\u02BD' -> true;
            default -> false;
        };
    }

    private static boolean isWordPart(int cp) {
        int type = UCharacter.getType(cp);
        return switch (type) {
            case UCharacterCategory.UPPERCASE_LETTER, UCharacterCategory.LOWERCASE_LETTER,
                    UCharacterCategory.TITLECASE_LETTER, UCharacterCategory.MODIFIER_LETTER,
                    UCharacterCategory.OTHER_LETTER, UCharacterCategory.NON_SPACING_MARK,
                    UCharacterCategory.COMBINING_SPACING_MARK, UCharacterCategory.ENCLOSING_MARK,
                    UCharacterCategory.DECIMAL_DIGIT_NUMBER, UCharacterCategory.LETTER_NUMBER,
                    UCharacterCategory.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
