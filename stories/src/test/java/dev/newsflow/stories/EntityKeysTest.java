package dev.newsflow.stories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityType;
import org.junit.jupiter.api.Test;

/** Entity keys as the enrich stage gives them (from canonical names), folded to the skeletons stories compare. */
class EntityKeysTest {

    private final CanonicalEntityKeyer keyer = new CanonicalEntityKeyer();

    private String skeletonOf(String canonicalName, String language) {
        StringBuilder out = new StringBuilder();
        for (String word : keyer.key(new EntityCount(canonicalName, EntityType.PERSON, 1), language).split(" ")) {
            out.append(out.length() > 0 ? " " : "").append(EntityKeys.skeleton(word));
        }
        return out.toString();
    }

    @Test
    void shouldGiveOneSkeletonToANameInEnglishAndRussian() {
        assertThat(skeletonOf("Mirziyoyev", "en")).isEqualTo(skeletonOf("Мирзиёев", "ru"));
        assertThat(skeletonOf("Samarkand", "en")).isEqualTo(skeletonOf("Самарканд", "ru"));
        assertThat(skeletonOf("Baghdad Amreyev", "en")).isEqualTo(skeletonOf("Багдад Амреев", "ru"));
        assertThat(skeletonOf("Kazakhstan", "en")).isEqualTo(skeletonOf("Казахстан", "ru"));
    }

    @Test
    void shouldGiveOneSkeletonToKazakhAndRussianSpellings() {
        assertThat(skeletonOf("Тоқаев", "kk")).isEqualTo(skeletonOf("Токаев", "ru")).isEqualTo(skeletonOf("Tokayev", "en"));
        assertThat(skeletonOf("Астана", "kk")).isEqualTo(skeletonOf("Astana", "en"));
    }

    @Test
    void shouldGiveOneSkeletonToUzbekLatinAndCyrillic() {
        assertThat(skeletonOf("Samarqand", "uz")).isEqualTo(skeletonOf("Самарқанд", "uz")).isEqualTo(skeletonOf("Samarkand", "en"));
        assertThat(skeletonOf("Buxoro", "uz")).isEqualTo(skeletonOf("Бухоро", "uz"));
        assertThat(skeletonOf("Oʻzbekiston", "uz")).isEqualTo(skeletonOf("Ўзбекистон", "uz"));
        assertThat(skeletonOf("Toshkent", "uz")).isEqualTo(skeletonOf("Тошкент", "uz"));
    }

    @Test
    void shouldKeepVowelsOfShortNamesSoTheyDoNotCollide() {
        assertThat(EntityKeys.skeleton("iran")).isEqualTo("iran");
        assertThat(EntityKeys.skeleton("oman")).isNotEqualTo(EntityKeys.skeleton("iran"));
    }

    @Test
    void shouldTakeTheKeyTheEnrichStageGave() {
        assertThat(keyer.key(new EntityCount("Путина", EntityType.PERSON, 2, "Владимир Путин", "vladimir patin", 0.9), "ru"))
                .isEqualTo("vladimir patin");
    }
}
