package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrfEntityRecognizerTest {

    @Test
    void shouldEndATurkishNameAtItsCaseSuffix() {
        List<String> tokens = List.of("Ekip", "Nukus'ta", "Hive'de", "ve", "Buhara'da", "çalıştı", ".");

        List<LabeledSentence.TokenSpan> names = CrfEntityRecognizer.loadShipped(List.of("tr")).recognize("tr", tokens);

        // the model alone labels "Nukus'ta Hive'de" one place: a case suffix ends a name in Turkish
        assertThat(names).containsExactly(
                new LabeledSentence.TokenSpan(1, 2, EntityType.LOCATION),
                new LabeledSentence.TokenSpan(2, 3, EntityType.LOCATION),
                new LabeledSentence.TokenSpan(4, 5, EntityType.LOCATION));
    }

    @Test
    void shouldTakeOnlyASuffixWithAVowelAfterTheApostropheForACaseSuffix() {
        assertThat(List.of("Cuman'da", "Türkiye'nin", "Bakı'nın", "Paris'e", "Şuşa'ya", "1990'lı"))
                .allMatch(CrfEntityRecognizer::hasCaseSuffix);
        assertThat(List.of("Don't", "She's", "We're", "Ebu'l", "Kur'an", "Ankara", "O'", "'Ankara", "Mc'DONALD"))
                .noneMatch(CrfEntityRecognizer::hasCaseSuffix);
    }

    @Test
    void shouldLeaveNameEndsToTheModelInLanguagesWithoutSuffixApostrophes() {
        String[] tokens = {"O'zbekiston", "Respublikasi", "Prezidenti"};

        assertThat(CrfEntityRecognizer.endsName("uz", tokens)).containsOnly(false);
        assertThat(CrfEntityRecognizer.endsName("az", new String[] {"Bakı'nın", "mərkəzi"})).containsExactly(true, false);
    }
}
