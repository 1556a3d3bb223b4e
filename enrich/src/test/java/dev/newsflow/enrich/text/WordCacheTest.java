package dev.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WordCacheTest {

    @Test
    void shouldWorkOutEachWordOnceWhileItIsKept() {
        WordCache<String> stems = new WordCache<>();
        AtomicInteger stemmed = new AtomicInteger();

        for (int i = 0; i < 3; i++) {
            assertThat(stems.get("meetings", word -> {
                stemmed.incrementAndGet();
                return "meet";
            })).isEqualTo("meet");
        }

        assertThat(stemmed).hasValue(1);
        assertThat(stems.get("meeting")).isNull();
    }

    @Test
    void shouldForgetEverythingWhenFullAndKeepTheNewWord() {
        WordCache<Integer> cache = new WordCache<>();
        for (int i = 0; i < WordCache.CAPACITY; i++) {
            cache.put("w" + i, i);
        }
        assertThat(cache.size()).isEqualTo(WordCache.CAPACITY);

        cache.put("one more", -1);

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("one more")).isEqualTo(-1);
        assertThat(cache.get("w0")).isNull();
    }
}
