package dev.newsflow.enrich;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/** Independent ways of counting what the enricher counts, for checking it. */
final class TextAssertions {

    private TextAssertions() {
    }

    static List<String> sentences(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(ULocale.ROOT);
        iterator.setText(text);
        List<String> out = new ArrayList<>();
        for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                out.add(sentence);
            }
        }
        return out;
    }

    /** Words as a reader counts them: space-separated chunks holding a letter or digit. */
    static int words(String text) {
        int words = 0;
        for (String chunk : text.split("\\s+")) {
            if (chunk.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words++;
            }
        }
        return words;
    }
}
