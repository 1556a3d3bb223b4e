package dev.newsflow.sources.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Token F1 of an extracted text against a reference text: both are lower-cased and cut into words (runs of
 * letters and digits); Chinese, Japanese and Korean characters are a token each, as those scripts do not
 * separate words. Overlap is counted as a multiset (a word twice in both counts twice). Stateless.
 */
final class TokenOverlap {
    private TokenOverlap() {
    }

    /** F1 of precision (share of extracted tokens in the reference) and recall (share of reference tokens extracted). */
    static Score score(String extracted, String reference) {
        List<String> ours = tokens(extracted);
        List<String> theirs = tokens(reference);
        Map<String, Integer> counts = new HashMap<>();
        theirs.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String token : ours) {
            Integer left = counts.get(token);
            if (left != null && left > 0) {
                common++;
                counts.put(token, left - 1);
            }
        }
        double precision = ours.isEmpty() ? 0 : common / (double) ours.size();
        double recall = theirs.isEmpty() ? 0 : common / (double) theirs.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(precision, recall, f1, common, ours.size(), theirs.size());
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (isIdeographic(cp)) {
                flush(word, tokens);
                tokens.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                word.appendCodePoint(cp);
            } else {
                flush(word, tokens);
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static boolean isIdeographic(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() > 0) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }

    /** The overlap of one text, with the token counts it was computed from (to pool pages into one score). */
    record Score(double precision, double recall, double f1, int common, int extracted, int reference) {
    }
}
