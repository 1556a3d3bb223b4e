package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.enrich.text.FeatureHashes;
import dev.newsflow.enrich.text.WordCache;
import dev.newsflow.events.EntityType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CrfTaggerTest {
    private static final List<String> LABELS = List.of("O", "B-PERSON", "I-PERSON");
    private static final byte[] DESCRIPTOR = "<featureGenerators/>".getBytes(StandardCharsets.UTF_8);

    /** "w=smith" looks like a name start on its own, but O -> I-PERSON is forbidden and B -> I is rewarded. */
    private static CrfModel model() {
        Map<String, float[]> weights = new LinkedHashMap<>();
        weights.put("w=john", new float[] {0f, 2f, 0f});
        weights.put("w=smith", new float[] {0f, 1.5f, 1f});
        weights.put("w=said", new float[] {3f, 0f, 0f});
        float[][] transitions = {
                {0f, 0f, -10f},  // O -> I is not BIO
                {0f, -1f, 2f},   // B -> I continues the name
                {0f, -1f, 1f}};
        return new CrfModel(DESCRIPTOR, LABELS, weights, new float[] {0.5f, 0f, 0f}, transitions);
    }

    private static CrfTagger tagger() {
        return model().tagger();
    }

    @Test
    void shouldChooseTheBestSequenceNotTheBestLabelOfEachToken() {
        String[] labels = tagger().tag(List.of(new String[] {"w=john"}, new String[] {"w=smith"}, new String[] {"w=said"}));

        // alone, "smith" would be B-PERSON (1.5 > 1); after "john" the transition makes it I-PERSON
        assertThat(labels).containsExactly("B-PERSON", "I-PERSON", "O");
    }

    @Test
    void shouldBeginANewNameAfterATokenThatMustEndOne() {
        List<long[]> sentence = List.of(hashes("w=john"), hashes("w=john"), hashes("w=said"));

        assertThat(tagger().tagHashed(sentence, new boolean[] {true, false, false}))
                .containsExactly("B-PERSON", "B-PERSON", "O");
        assertThat(tagger().tagHashed(sentence, new boolean[3])).containsExactly("B-PERSON", "I-PERSON", "O");
        assertThatThrownBy(() -> tagger().tagHashed(sentence, new boolean[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 places for 3 tokens");
    }

    private static long[] hashes(String... names) {
        return Arrays.stream(names).mapToLong(FeatureHashes::hash).toArray();
    }

    @Test
    void shouldIgnoreFeaturesTheModelNeverSaw() {
        assertThat(tagger().tag(List.<String[]>of(new String[] {"w=unknown", "w=said"}))).containsExactly("O");
        assertThat(tagger().tag(List.of())).isEmpty();
    }

    @Test
    void shouldCountARepeatedFeatureOnce() {
        // once: O 0.5 + 3 against B-PERSON 1.5; counted three times "smith" would make it B-PERSON 4.5
        assertThat(tagger().tag(List.<String[]>of(new String[] {"w=said", "w=smith", "w=smith", "w=smith"}))).containsExactly("O");
    }

    @Test
    void shouldTagTheSameAfterAWriteAndReadRoundTrip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model().write(bytes);
        CrfTagger read = CrfTagger.read(new ByteArrayInputStream(bytes.toByteArray()));

        List<String[]> sentence = List.of(new String[] {"w=said"}, new String[] {"w=john"}, new String[] {"w=smith"});
        assertThat(read.tag(sentence)).containsExactly(tagger().tag(sentence));
        assertThat(read.labels()).isEqualTo(LABELS);
        assertThat(read.featureCount()).isEqualTo(3);
        assertThat(read.featureDescriptor()).isEqualTo(DESCRIPTOR);
    }

    @Test
    void shouldRefuseAStreamThatIsNoModel() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
            new DataOutputStream(zip).writeUTF("something else");
        }
        assertThatThrownBy(() -> CrfTagger.read(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(IOException.class).hasMessageContaining("not a newsflow CRF model");
    }

    @Test
    void shouldTurnBioLabelsIntoSpans() {
        assertThat(CrfEntityRecognizer.spans(new String[] {"B-PERSON", "I-PERSON", "O", "I-LOCATION", "B-LOCATION", "I-ORGANIZATION"}))
                .containsExactly(
                        new LabeledSentence.TokenSpan(0, 2, EntityType.PERSON),
                        new LabeledSentence.TokenSpan(3, 4, EntityType.LOCATION),  // an I- without its B- starts a name
                        new LabeledSentence.TokenSpan(4, 5, EntityType.LOCATION),
                        new LabeledSentence.TokenSpan(5, 6, EntityType.ORGANIZATION));
    }

    @Test
    void shouldTagWithWordWeightsAsWithEachTokensOwnFeatures() throws IOException {
        CrfTagger tagger;
        try (var in = CrfTaggerTest.class.getResourceAsStream(NameFinderModels.RESOURCE_DIR + "en.crf")) {
            tagger = CrfTagger.read(in);
        }
        HashedFeatures features = HashedFeatures.compile(tagger.featureDescriptor());
        WordCache<float[]> words = new WordCache<>();
        List<String[]> sentences = List.of(
                "Barack Obama visited Paris on Monday , said the White House .".split(" "),
                "The Organization for Security and Co-operation in Europe met in Tashkent .".split(" "),
                "Obama met Mirziyoyev in Samarkand ; Paris and Tashkent signed .".split(" "),
                new String[] {"Only"});

        for (int pass = 1; pass <= 2; pass++) { // the first fills the word weights, the second reads them
            for (String[] sentence : sentences) {
                boolean[] endsName = new boolean[sentence.length];
                endsName[0] = pass == 2;
                assertThat(tagger.tagWords(features, sentence, endsName, words)).as("pass %d: %s", pass, Arrays.toString(sentence))
                        .containsExactly(tagger.tagHashed(features.tokenFeatures(sentence), endsName));
            }
        }
        assertThat(words.size()).isEqualTo((int) sentences.stream().flatMap(Arrays::stream).distinct().count());
        assertThat(tagger.tagWords(features, sentences.get(0), new boolean[sentences.get(0).length], words))
                .startsWith("B-PERSON", "I-PERSON", "O", "B-LOCATION");
    }

    @Test
    void shouldFindEntitiesWithTheShippedModels() {
        CrfEntityRecognizer recognizer = CrfEntityRecognizer.loadShipped(List.of("en", "tr"));

        assertThat(recognizer.recognize("en", List.of("Barack", "Obama", "visited", "Paris", "on", "Monday", ".")))
                .contains(new LabeledSentence.TokenSpan(0, 2, EntityType.PERSON), new LabeledSentence.TokenSpan(3, 4, EntityType.LOCATION));
        assertThat(recognizer.recognize("de", List.of("Berlin"))).isEmpty();
        assertThatThrownBy(() -> CrfEntityRecognizer.loadShipped(List.of("xx")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no NER model for 'xx'");
    }
}
