package dev.newsflow.enrich.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a field into sentences with ICU's rule-based {@link BreakIterator} (a line break ends a sentence,
 * so a headline or dateline never merges with the first sentence) and tokenizes each sentence.
 * Thread-safe: each call works on its own clone of the prototype iterator.
 */
public final class SentenceSplitter {

    private final BreakIterator prototype;

    public SentenceSplitter(ULocale locale) {
        this.prototype = BreakIterator.getSentenceInstance(locale);
    }

    public List<Sentence> split(String text) {
        BreakIterator iterator;
        synchronized (prototype) {
            iterator = (BreakIterator) prototype.clone();
        }
        iterator.setText(text);
        List<Sentence> sentences = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            int trimmedEnd = end;
            while (trimmedEnd > start && Character.isWhitespace(text.charAt(trimmedEnd - 1))) {
                trimmedEnd--;
            }
            int trimmedStart = start;
            while (trimmedStart < trimmedEnd && Character.isWhitespace(text.charAt(trimmedStart))) {
                trimmedStart++;
            }
            if (trimmedStart < trimmedEnd) {
                sentences.add(new Sentence(trimmedStart, trimmedEnd, Tokenizer.tokenize(text, trimmedStart, trimmedEnd)));
            }
        }
        return sentences;
    }
}
