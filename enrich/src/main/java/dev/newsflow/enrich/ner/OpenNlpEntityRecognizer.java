package dev.newsflow.enrich.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * An {@link EntityRecognizer} over one OpenNLP name-finder model per language (the models shipped in this
 * module: {@code /dev/newsflow/enrich/ner/<lang>.bin}). The models are loaded once and shared; since
 * {@link NameFinderME} is not thread-safe, every thread gets its own finder over each model. Thread-safe.
 */
public final class OpenNlpEntityRecognizer implements EntityRecognizer {

    private final Map<String, TokenNameFinderModel> models;
    private final ThreadLocal<Map<String, NameFinderME>> finders = ThreadLocal.withInitial(HashMap::new);

    public OpenNlpEntityRecognizer(Map<String, TokenNameFinderModel> models) {
        this.models = Map.copyOf(models);
    }

    /**
     * Loads the shipped model of each language given.
     *
     * @throws IllegalStateException when a model is missing from the class path
     */
    public static OpenNlpEntityRecognizer loadShipped(Collection<String> languages) {
        Map<String, TokenNameFinderModel> models = new HashMap<>();
        for (String language : languages) {
            String resource = NameFinderModels.resourceOf(language);
            try (InputStream in = OpenNlpEntityRecognizer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no NER model for '" + language + "' at class-path " + resource);
                }
                models.put(language, new TokenNameFinderModel(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load NER model " + resource, e);
            }
        }
        return new OpenNlpEntityRecognizer(models);
    }

    /** Languages with a model. */
    public Set<String> languages() {
        return models.keySet();
    }

    @Override
    public List<LabeledSentence.TokenSpan> recognize(String language, List<String> tokens) {
        TokenNameFinderModel model = models.get(language);
        if (model == null || tokens.isEmpty()) {
            return List.of();
        }
        NameFinderME finder = finders.get().computeIfAbsent(language, l -> new NameFinderME(model));
        return NameFinderModels.find(finder, tokens);
    }
}
