package dev.newsflow.enrich.tools;

import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.Enrichers;
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
 *   <li>entities: P/R/F1 per type and overall, exact span and type, on the held-apart tuning part of each
 *       language (see {@link NerDatasets}) and on WikiANN dev, for the model alone and with {@link NameRules};</li>
 *   <li>language: accuracy of the whole enricher on real whole articles (Reuters: en; Telegram: ru) and on
 *       texts of about 1,500 characters joined from the labelled sentences of tr, kk, uz, az and ky.</li>
 * </ul>
 */
public final class QualityReport {
    private static final int JOINED_CHARS = 1_500;

    private QualityReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: QualityReport <data-dir> [articles-per-set, default 1000]");
            System.exit(2);
        }
        Path data = RealNews.requireDataDir(args[0]);
        int perSet = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        NerDatasets datasets = new NerDatasets(data.resolve("ner"));
        CrfEntityRecognizer recognizer = CrfEntityRecognizer.loadShipped(TrainNer.LANGUAGES);
        NameRules rules = new NameRules(PlaceGazetteer.fromLocaleData());

        System.out.println("| lang | held-apart set | sentences | model P | R | F1 | PER F1 | ORG F1 | LOC F1 | + rules F1 | WikiANN dev F1 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (String language : TrainNer.LANGUAGES) {
            NerDatasets.Split split = datasets.split(language, 0);
            NerScore model = new NerScore();
            NerScore withRules = new NerScore();
            for (LabeledSentence sentence : split.tune()) {
                List<LabeledSentence.TokenSpan> found = recognizer.recognize(language, sentence.tokens());
                model.add(sentence.entities(), found);
                withRules.add(sentence.entities(), rules.apply(language, sentence.tokens(), found));
            }
            NerScore wikiann = new NerScore();
            for (LabeledSentence sentence : datasets.wikiannDev(language)) {
                wikiann.add(sentence.entities(), recognizer.recognize(language, sentence.tokens()));
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | **%.3f** | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                    language, split.tuneName(), split.tune().size(), model.precision(), model.recall(), model.f1(),
                    model.f1(EntityType.PERSON), model.f1(EntityType.ORGANIZATION), model.f1(EntityType.LOCATION),
                    withRules.f1(), wikiann.f1());
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
