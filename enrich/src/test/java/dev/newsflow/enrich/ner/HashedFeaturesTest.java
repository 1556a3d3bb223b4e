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
    @ValueSource(strings = {"ner-features-crf.xml", "ner-features-crf-tr.xml", "ner-features-crf-en.xml", "ner-features-crf-ru.xml",
            "ner-features-crf-kk.xml", "ner-features-crf-az.xml"})
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

    @ParameterizedTest
    @ValueSource(strings = {"ner-features-crf.xml", "ner-features-crf-tr.xml", "ner-features-crf-en.xml", "ner-features-crf-ru.xml",
            "ner-features-crf-kk.xml", "ner-features-crf-az.xml"})
    void shouldSplitEveryTokensFeaturesIntoThoseOfSingleWordsAndTheRest(String descriptorName) throws IOException {
        HashedFeatures hashed = HashedFeatures.compile(resource(NameFinderModels.RESOURCE_DIR + descriptorName));
        int reach = hashed.windowReach();
        assertThat(reach).isEqualTo(3); // the widest window of the shipped descriptors: the split is not all "other"

        for (String[] sentence : sentences()) {
            List<long[]> whole = hashed.tokenFeatures(sentence);
            hashed.startSentence(sentence);
            for (int t = 0; t < sentence.length; t++) {
                List<Long> split = new ArrayList<>();
                List<Long> distinctPerGroup = new ArrayList<>();
                for (int offset = -reach; offset <= reach; offset++) {
                    if (t + offset >= 0 && t + offset < sentence.length) {
                        long[] group = hashed.wordFeatures(t + offset, offset);
                        Arrays.stream(group).forEach(split::add);
                        Arrays.stream(group).distinct().forEach(distinctPerGroup::add);
                    }
                }
                long[] other = hashed.otherFeatures(t);
                Arrays.stream(other).forEach(split::add);
                Arrays.stream(other).distinct().forEach(distinctPerGroup::add);

                String where = "token " + t + " '" + sentence[t] + "' of " + Arrays.toString(sentence);
                assertThat(split).as(where).containsExactlyInAnyOrderElementsOf(Arrays.stream(whole.get(t)).boxed().toList());
                // a feature repeated within a group counts once there, as in the whole: no two groups share one
                assertThat(distinctPerGroup).as(where).doesNotHaveDuplicates();
                assertThat(hashed.otherFeatures(t).length).as(where).isLessThan(whole.get(t).length / 2);
            }
        }
    }

    @Test
    void shouldMakeTheSameWordFeaturesForAWordWhereverItStands() throws IOException {
        HashedFeatures hashed = HashedFeatures.compile(resource(NameFinderModels.RESOURCE_DIR + "ner-features-crf.xml"));
        hashed.startSentence(new String[] {"Ministers", "met", "in", "Samarkand", "."});
        long[][] first = new long[7][];
        for (int offset = -3; offset <= 3; offset++) {
            first[offset + 3] = hashed.wordFeatures(3, offset);
        }

        hashed.startSentence(new String[] {"Samarkand", "hosted", "the", "summit"});
        for (int offset = -3; offset <= 3; offset++) {
            assertThat(hashed.wordFeatures(0, offset)).as("offset %d", offset).containsExactly(first[offset + 3]);
        }
        assertThat(first[3]).isNotEmpty();
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
