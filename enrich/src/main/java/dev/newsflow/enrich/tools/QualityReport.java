package dev.newsflow.enrich.tools;

import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.enrich.SentenceEntities;
import dev.newsflow.enrich.ner.BioCorpus;
import dev.newsflow.enrich.ner.CrfEntityRecognizer;
import dev.newsflow.enrich.ner.LabeledSentence;
import dev.newsflow.enrich.ner.NameRules;
import dev.newsflow.enrich.ner.NerDatasets;
import dev.newsflow.enrich.ner.NerScore;
import dev.newsflow.enrich.ner.PlaceGazetteer;
import dev.newsflow.events.Article;
import dev.newsflow.events.EntityType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the shipped enrichment on data it was never trained on and prints Markdown tables:
 * {@code QualityReport <data-dir> [articles-per-set]} where {@code <data-dir>} is the shared data folder
 * (with {@code ner/}, {@code reuters21578/}, {@code telegram_ru_news/}).
 * <ul>
 *   <li>entities: P/R/F1 per type and overall, exact span and type, on the test sets of each language (never
 *       tuned on, see {@link NerDatasets}), for the model alone, with {@link NameRules}, and for the enricher's
 *       whole entity chain ({@link SentenceEntities}); then F1 on the tuning sets and on WikiANN dev;</li>
 *   <li>language: accuracy of the whole enricher on real whole articles (Reuters: en; Telegram: ru) and on
 *       texts of about 1,500 characters joined from the labelled sentences of tr, kk, uz, az and ky.</li>
 * </ul>
 */
public final class QualityReport {
    private static final int JOINED_CHARS = 1_500;
    private static final double[] THRESHOLDS = {0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9};

    private QualityReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: QualityReport <data-dir> [articles-per-set, default 1000] [languages, default all]");
            System.exit(2);
        }
        Path data = RealNews.requireDataDir(args[0]);
        int perSet = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        List<String> languages = args.length > 2 ? List.of(args[2].split(",")) : TrainNer.LANGUAGES;
        NerDatasets datasets = new NerDatasets(data.resolve("ner"));
        CrfEntityRecognizer recognizer = CrfEntityRecognizer.loadShipped(TrainNer.LANGUAGES);
        SentenceEntities enricherEntities = SentenceEntities.loadShipped(TrainNer.LANGUAGES);
        NameRules rules = new NameRules(PlaceGazetteer.fromLocaleData());

        System.out.println("Test sets (never tuned on):");
        System.out.println();
        System.out.println("| lang | test set | sentences | entities | model P | R | F1 | PER F1 | ORG F1 | LOC F1 | + rules F1"
                + " | **enricher F1** | enricher PER | ORG | LOC |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<String[]> tuning = new ArrayList<>();
        for (String language : languages) {
            NerDatasets.Split split = datasets.split(language, 0);
            List<NerDatasets.Part> parts = new ArrayList<>(split.tests());
            if (parts.size() > 1) {
                parts.add(new NerDatasets.Part("**all of " + language + "**", split.test()));
            }
            for (NerDatasets.Part part : parts) {
                Scores scores = score(language, part.sentences(), recognizer, rules, enricherEntities);
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | **%.3f** | %.3f | %.3f | %.3f |%n",
                        language, part.name(), part.sentences().size(), scores.model.goldCount(), scores.model.precision(),
                        scores.model.recall(), scores.model.f1(), scores.model.f1(EntityType.PERSON),
                        scores.model.f1(EntityType.ORGANIZATION), scores.model.f1(EntityType.LOCATION), scores.rules.f1(),
                        scores.enricher.f1(), scores.enricher.f1(EntityType.PERSON), scores.enricher.f1(EntityType.ORGANIZATION),
                        scores.enricher.f1(EntityType.LOCATION));
            }
            Scores tune = score(language, split.tune().sentences(), recognizer, rules, enricherEntities);
            NerScore wikiann = new NerScore();
            for (LabeledSentence sentence : datasets.wikiannDev(language)) {
                wikiann.add(sentence.entities(), recognizer.recognize(language, sentence.tokens()));
            }
            tuning.add(new String[] {language, split.tune().name(), String.valueOf(split.tune().sentences().size()),
                    String.format(Locale.ROOT, "%.3f", tune.model.f1()), String.format(Locale.ROOT, "%.3f", tune.enricher.f1()),
                    String.format(Locale.ROOT, "%.3f", wikiann.f1())});
        }
        System.out.println();
        System.out.println("Mention confidence on the tuning sets (enricher, all seven languages pooled): what a"
                + " dashboard asking for at least that confidence shows");
        System.out.println();
        System.out.println("| at least | mentions kept | P | R | F1 |");
        System.out.println("|---|---|---|---|---|");
        for (double threshold : THRESHOLDS) {
            NerScore pooled = new NerScore();
            int kept = 0;
            for (String language : languages) {
                for (LabeledSentence sentence : datasets.split(language, 0).tune().sentences()) {
                    List<LabeledSentence.TokenSpan> found = enricherEntities.findScored(language, sentence.tokens()).stream()
                            .filter(s -> s.confidence() >= threshold).map(SentenceEntities.Scored::span).toList();
                    kept += found.size();
                    pooled.add(sentence.entities(), found);
                }
            }
            System.out.printf(Locale.ROOT, "| %.1f | %d | %.3f | %.3f | %.3f |%n", threshold, kept, pooled.precision(),
                    pooled.recall(), pooled.f1());
        }
        System.out.println();
        System.out.println("Tuning sets:");
        System.out.println();
        System.out.println("| lang | tuning set | sentences | model F1 | enricher F1 | WikiANN dev model F1 |");
        System.out.println("|---|---|---|---|---|---|");
        for (String[] row : tuning) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }

        if (languages.size() < TrainNer.LANGUAGES.size()) {
            return;
        }
        Enricher enricher = Enrichers.createDefault();
        System.out.println();
        System.out.println("| texts | expected | texts | accuracy | detected as |");
        System.out.println("|---|---|---|---|---|");
        languageRow(enricher, "Reuters-21578", "en", RealNews.reuters(data, perSet, 200));
        languageRow(enricher, "Telegram RU news", "ru", RealNews.telegram(data, perSet, 200));
        // No whole articles of the other five languages are in the data folder: their labelled sentences, joined
        // in corpus order into texts of about 1,500 characters, stand in for articles.
        Path ner = data.resolve("ner");
        languageRow(enricher, "Turkish Wiki NER dev, joined", "tr", joined(ner.resolve("turkish_wiki_ner/dev.conll"), perSet));
        languageRow(enricher, "KazNERD, joined", "kk", joined(ner.resolve("kaznerd/IOB2_valid.txt"), perSet));
        languageRow(enricher, "WikiANN uz dev, joined", "uz", joined(ner.resolve("wikiann/uz/dev.bio"), perSet));
        languageRow(enricher, "WikiANN az dev, joined", "az", joined(ner.resolve("wikiann/az/dev.bio"), perSet));
        languageRow(enricher, "WikiANN ky train, joined", "ky", joined(ner.resolve("wikiann/ky/train.bio"), perSet));
    }

    private record Scores(NerScore model, NerScore rules, NerScore enricher) {
    }

    private static Scores score(String language, List<LabeledSentence> sentences, CrfEntityRecognizer recognizer,
                                NameRules rules, SentenceEntities enricherEntities) {
        Scores scores = new Scores(new NerScore(), new NerScore(), new NerScore());
        for (LabeledSentence sentence : sentences) {
            List<LabeledSentence.TokenSpan> found = recognizer.recognize(language, sentence.tokens());
            scores.model.add(sentence.entities(), found);
            scores.rules.add(sentence.entities(), rules.apply(language, sentence.tokens(), found));
            scores.enricher.add(sentence.entities(), enricherEntities.find(language, sentence.tokens()));
        }
        return scores;
    }

    /** At most {@code limit} texts of about {@link #JOINED_CHARS} characters made of consecutive sentences. */
    static List<Article> joined(Path corpus, int limit) {
        List<Article> texts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (LabeledSentence sentence : BioCorpus.read(corpus)) {
            text.append(String.join(" ", sentence.tokens())).append('\n');
            if (text.length() >= JOINED_CHARS) {
                texts.add(new Article(corpus.getFileName() + "-" + texts.size(), "-", text.toString(), null, null, null, null,
                        null, null));
                text.setLength(0);
                if (texts.size() == limit) {
                    break;
                }
            }
        }
        return texts;
    }

    private static void languageRow(Enricher enricher, String name, String expected, List<Article> articles) {
        Map<String, Integer> detected = new TreeMap<>();
        int right = 0;
        for (Article article : articles) {
            String language = enricher.enrich(article).language();
            detected.merge(language, 1, Integer::sum);
            if (expected.equals(language)) {
                right++;
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %d | **%.4f** | %s |%n", name, expected, articles.size(),
                (double) right / articles.size(), detected);
    }
}
