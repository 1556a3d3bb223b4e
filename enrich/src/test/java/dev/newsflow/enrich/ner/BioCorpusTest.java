package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.enrich.ner.LabeledSentence.TokenSpan;
import dev.newsflow.events.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BioCorpusTest {

    @Test
    void shouldReadSentencesAndMapCorpusTypesToOurs() throws IOException {
        String text = """
                -DOCSTART-\tO

                Kuyucak\tB-GPE
                batısında\tO
                Ali\tB-PERSON
                Veli\tI-PERSON
                1990\tB-DATE
                BM\tB-ORGANISATION

                Әрі O
                Алматы B-LOCATION
                """;
        List<LabeledSentence> sentences = BioCorpus.read(new BufferedReader(new StringReader(text)), "test");

        assertThat(sentences).hasSize(2);
        assertThat(sentences.get(0).tokens()).containsExactly("Kuyucak", "batısında", "Ali", "Veli", "1990", "BM");
        assertThat(sentences.get(0).entities()).containsExactly(
                new TokenSpan(0, 1, EntityType.LOCATION),
                new TokenSpan(2, 4, EntityType.PERSON),
                new TokenSpan(5, 6, EntityType.ORGANIZATION));
        assertThat(sentences.get(1).entities()).containsExactly(new TokenSpan(1, 2, EntityType.LOCATION));
    }

    @Test
    void shouldStartANewEntityWhenTheTypeChangesWithoutBegin() {
        assertThat(BioCorpus.spans(List.of("I-PER", "I-PER", "I-LOC", "O", "B-ORG", "B-ORG")))
                .containsExactly(new TokenSpan(0, 2, EntityType.PERSON), new TokenSpan(2, 3, EntityType.LOCATION),
                        new TokenSpan(4, 5, EntityType.ORGANIZATION), new TokenSpan(5, 6, EntityType.ORGANIZATION));
    }

    @Test
    void shouldNameTheFileAndLineOfAMalformedLine() {
        assertThatThrownBy(() -> BioCorpus.read(new BufferedReader(new StringReader("good\tO\nbad\n")), "x.bio"))
                .hasMessageContaining("x.bio line 2");
        assertThatThrownBy(() -> BioCorpus.read(Path.of("/nonexistent/ner.bio")))
                .hasMessageContaining("/nonexistent/ner.bio");
    }

    @Test
    void shouldTellWhereTheDataFolderShouldBeWhenItIsMissing() {
        assertThatThrownBy(() -> new NerDatasets(Path.of("/nonexistent/ner")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/nonexistent/ner");
    }
}
