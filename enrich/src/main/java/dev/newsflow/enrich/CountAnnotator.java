package dev.newsflow.enrich;

import dev.newsflow.enrich.text.Sentence;

/**
 * Word count of title and body (tokens holding a letter or digit) and the reading time at the configured
 * words a minute, rounded up to whole seconds. Thread-safe.
 */
final class CountAnnotator implements Annotator {

    private final EnrichConfig config;

    CountAnnotator(EnrichConfig config) {
        this.config = config;
    }

    @Override
    public void annotate(Document document) {
        int words = 0;
        for (Field field : document.fields()) {
            for (Sentence sentence : field.sentences()) {
                words += sentence.wordCount();
            }
        }
        int seconds = (int) Math.ceil(words * 60.0 / config.wordsPerMinute());
        document.setCounts(words, seconds);
    }
}
