package dev.newsflow.enrich.tools;

import dev.newsflow.enrich.ner.LabeledSentence;
import dev.newsflow.enrich.ner.NameFinderModels;
import dev.newsflow.enrich.ner.NerDatasets;
import dev.newsflow.enrich.ner.NerScore;
import dev.newsflow.enrich.ner.NerTrainer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Retrains the shipped NER models:
 * {@code TrainNer <ner-data-dir> <model-dir> [--languages en,ru,...] [--iterations N] [--cutoff N]
 * [--wikiann-cap N] [--beam N] [--features descriptor.xml] [--baseline]}. Writes {@code <model-dir>/<lang>.bin} and {@code <lang>.LICENSE.txt}, and
 * prints entity F1 on the held-apart tuning part (and, with {@code --baseline}, of OpenNLP's default features
 * trained on the same sentences).
 */
public final class TrainNer {

    static final List<String> LANGUAGES = List.of("en", "ru", "tr", "kk", "uz", "az", "ky");

    static final Map<String, String> SOURCES = Map.of(
            "en", "wikigold (Balasuriya et al. 2009), CC BY 4.0; GUM (Zeldes 2017; https://gucorpling.org/gum/; academic, bio,"
                    + " court, interview, news and voyage genres), annotations CC BY 4.0, texts CC BY 2.5 / CC BY 4.0 / CC BY-SA 3.0;"
                    + " Universal NER English EWT (Mayhew et al. 2024), CC BY-SA 4.0; Universal NER English PUD (Mayhew et al."
                    + " 2024), CC BY-SA 3.0; WikiANN en (Pan et al. 2017), Wikipedia text CC BY-SA",
            "ru", "FactRuEval-2016, MIT; Universal NER Russian PUD (Mayhew et al. 2024), CC BY-SA 3.0; WikiANN ru (Pan et al."
                    + " 2017), Wikipedia text CC BY-SA; word clusters from the Telegram news posts of"
                    + " github.com/NKTKLN/telegram-news-classifier (CC BY 4.0)",
            "tr", "Turkish Wiki NER (train split), CC BY-SA 4.0; WikiANN tr (Pan et al. 2017), Wikipedia text CC BY-SA",
            "kk", "KazNERD (Yeshpanov et al., LREC 2022), CC BY 4.0; WikiANN kk (Pan et al. 2017), Wikipedia text CC BY-SA",
            "ky", "WikiANN ky (Pan et al. 2017), Wikipedia text CC BY-SA; KazNERD (Yeshpanov et al., LREC 2022), CC BY 4.0",
            "uz", "WikiANN uz (Pan et al. 2017), Wikipedia text CC BY-SA",
            "az", "WikiANN az (Pan et al. 2017), Wikipedia text CC BY-SA");

    private TrainNer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TrainNer <ner-data-dir> <model-dir> [--languages en,ru] [--iterations 100]"
                    + " [--cutoff 2] [--wikiann-cap 4000] [--beam 1] [--features ner-features.xml] [--baseline]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> languages = LANGUAGES;
        int iterations = 100;
        int cutoff = 2;
        int cap = 4000;
        int beam = 1;
        boolean baseline = false;
        byte[] features = NerTrainer.featureDescriptor();
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--languages" -> languages = Arrays.asList(args[++i].split(","));
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--cutoff" -> cutoff = Integer.parseInt(args[++i]);
                case "--wikiann-cap" -> cap = Integer.parseInt(args[++i]);
                case "--beam" -> beam = Integer.parseInt(args[++i]);
                case "--baseline" -> baseline = true;
                case "--features" -> features = Files.readAllBytes(Path.of(args[++i]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        NerDatasets datasets = new NerDatasets(data);
        NerTrainer rich = new NerTrainer(new NerTrainer.Settings(iterations, cutoff, beam, false), features);
        NerTrainer plain = new NerTrainer(new NerTrainer.Settings(100, 5, 3, true));
        for (String language : languages) {
            NerDatasets.Split split = datasets.split(language, cap);
            long started = System.nanoTime();
            TokenNameFinderModel model = rich.train(language, split.train());
            double seconds = (System.nanoTime() - started) / 1e9;
            Path file = out.resolve(language + ".bin");
            try (OutputStream stream = Files.newOutputStream(createParent(file))) {
                model.serialize(stream);
            }
            writeLicence(out.resolve(language + ".LICENSE.txt"), language, split, iterations, cutoff, beam, cap);
            NerScore score = NameFinderModels.score(new NameFinderME(model), split.tune().sentences());
            System.out.printf(Locale.ROOT, "%s trained on %d sentences in %.0f s, %.2f MB; %s (%d sentences): %s%n",
                    language, split.train().size(), seconds, Files.size(file) / 1e6, split.tune().name(), split.tune().sentences().size(),
                    score.summary());
            if (baseline) {
                TokenNameFinderModel defaults = plain.train(language, split.train());
                System.out.printf(Locale.ROOT, "%s baseline (OpenNLP default features, same sentences): %s%n",
                        language, NameFinderModels.score(new NameFinderME(defaults), split.tune().sentences()).summary());
            }
        }
    }

    private static Path createParent(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return file;
    }

    private static void writeLicence(Path file, String language, NerDatasets.Split split, int iterations, int cutoff, int beam,
                                     int cap)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("newsflow NER model for '" + language + "' (" + language + ".bin), an Apache OpenNLP TokenNameFinderModel.");
        lines.add("Trained from: " + SOURCES.get(language) + ".");
        lines.add("The model is derived from these data sets and carries their licence terms (attribution;");
        lines.add("share-alike where a source is CC BY-SA). Held apart, never trained on: " + split.tune().name() + ".");
        lines.add("Training: " + split.train().size() + " sentences, maxent, " + iterations + " iterations, cutoff " + cutoff
                + ", beam " + beam + ", at most " + cap + " WikiANN sentences; its feature descriptor is inside the model.");
        lines.add("Retrain: see enrich/README.md (TrainNer).");
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
