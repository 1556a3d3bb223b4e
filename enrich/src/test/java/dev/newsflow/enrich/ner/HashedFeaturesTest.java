package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.enrich.text.FeatureHashes;
import dev.newsflow.enrich.text.Token;
import dev.newsflow.enrich.text.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashedFeaturesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ner-features-crf.xml", "ner-features-crf-tr.xml"})
    void shouldHashExactlyTheFeaturesOpenNlpMakesInItsOrder(String descriptorName) throws IOException {
        byte[] descriptor = resource(NameFinderModels.RESOURCE_DIR + descriptorName);
        AdaptiveFeatureGenerator openNlp = CrfEntityRecognizer.generator(descriptor);
        HashedFeatures hashed = HashedFeatures.compile(descriptor);

        for (String[] sentence : sentences()) {
            List<String[]> names = CrfEntityRecognizer.tokenFeatures(openNlp, sentence);
            List<long[]> hashes = hashed.tokenFeatures(sentence);

            assertThat(hashes).hasSameSizeAs(names);
            for (int t = 0; t < sentence.length; t++) {
                long[] expected = Arrays.stream(names.get(t)).mapToLong(FeatureHashes::hash).toArray();
                assertThat(hashes.get(t)).as("token %d '%s' of %s: %s", t, sentence[t], Arrays.toString(sentence),
                        Arrays.toString(names.get(t))).containsExactly(expected);
            }
        }
    }

    @Test
    void shouldRefuseWhatIsNoFeatureDescriptor() {
        assertThatThrownBy(() -> HashedFeatures.compile("<model/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<model>");
        assertThatThrownBy(() -> HashedFeatures.compile("not xml".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unreadable feature descriptor");
    }

    /** Real sentences of the project's test articles in five languages, and tokens with every word class. */
    private static List<String[]> sentences() throws IOException {
        List<String[]> sentences = new ArrayList<>();
        List<String> texts = new ArrayList<>(List.of(Files.readString(Path.of("../seeds/000_51b25be97f64b557.txt"))));
        for (String name : List.of("ru.txt", "kk.txt", "uz-cyrl.txt", "uz-latn.txt")) {
            texts.add(new String(resource("/articles/" + name), StandardCharsets.UTF_8));
        }
        for (String text : texts) {
            for (String line : text.split("\n")) {
                String[] tokens = Tokenizer.tokenize(line).stream().map(Token::text).toArray(String[]::new);
                if (tokens.length > 0) {
                    sentences.add(tokens);
                }
            }
        }
        sentences.add(new String[] {"U.S.", "1987", "12", "3,5", "1/2", "10-12", "2.5", "A4", "X", "NATO", "A.", "Ä.",
                "ひらがな", "カタカナ", "Türkiye'nin", "Oʻzbekiston", "İSTANBUL", "\uD801\uDC00x", "😀", "DESERET \uD801\uDC00", "-", "e-mail", "a"});
        sentences.add(new String[] {"--", "...", "-.", "a b", " x", "1a", "a1", "Ab-", "''", "É", "ß", "Ⅻ", "٣", "x\u00A0y", "İ"});
        sentences.add(new String[] {"Only"});
        sentences.add(new String[0]);
        return sentences;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HashedFeaturesTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
