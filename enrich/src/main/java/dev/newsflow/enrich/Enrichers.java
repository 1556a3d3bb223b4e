package dev.newsflow.enrich;

import dev.newsflow.enrich.ner.CrfEntityRecognizer;
import dev.newsflow.enrich.names.EntityNames;
import dev.newsflow.enrich.names.NonNames;
import dev.newsflow.enrich.names.RussianMorphology;
import dev.newsflow.enrich.ner.EntityRecognizer;
import dev.newsflow.enrich.ner.PlaceGazetteer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds enrichers. Loading reads the language model (10 MB), the seven NER models (14 MB) and the ICU place
 * names: measured 9.4 s and 213 MB of retained heap on the shared, heavily loaded 2-core build machine
 * (load average 9; expect a few seconds on an idle one), so create one enricher per process and share it
 * across threads. Thread-safe.
 */
public final class Enrichers {

    private static final Logger LOG = LoggerFactory.getLogger(Enrichers.class);

    private Enrichers() {
    }

    /** The default enricher with the shipped models and default settings. */
    public static Enricher createDefault() {
        return create(EnrichConfig.defaults());
    }

    /** The shipped models with the given settings; a NER model is loaded for each configured language. */
    public static Enricher create(EnrichConfig config) {
        long started = System.nanoTime();
        EntityRecognizer recognizer = CrfEntityRecognizer.loadShipped(config.languageList());
        Enricher enricher = create(config, recognizer);
        LOG.info("enricher ready in {} ms: languages {}", (System.nanoTime() - started) / 1_000_000, config.languageList());
        return enricher;
    }

    /** The entity chain: the recognizer, rules, gazetteer, base forms and keys, and the filter of non-names. */
    static Annotator entityAnnotator(EntityRecognizer recognizer, PlaceGazetteer gazetteer) {
        return new EntityAnnotator(recognizer, gazetteer, new EntityNames(RussianMorphology.shared(), gazetteer), NonNames.load());
    }

    /** An enricher around another entity recognizer, for plugging in a better one. */
    public static Enricher create(EnrichConfig config, EntityRecognizer recognizer) {
        PlaceGazetteer gazetteer = PlaceGazetteer.fromLocaleData();
        KeywordAnnotator keywords = new KeywordAnnotator(config);
        return new ChainEnricher(List.of(
                new LanguageAnnotator(config),
                new ScriptAnnotator(),
                entityAnnotator(recognizer, gazetteer),
                new CountryAnnotator(gazetteer),
                keywords,
                new SummaryAnnotator(config, keywords),
                new CountAnnotator(config)));
    }
}
