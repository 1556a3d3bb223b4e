package dev.newsflow.enrich.ner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training and held-apart tuning sentences of each language, read from the labelled data folder
 * ({@code ner/} with the layout described in its README). Full-sentence, news-like sets come first; WikiANN
 * fragments are a capped supplement. For a set without a dev split a FIXED part is held back: every
 * {@value #HOLD_OUT_EVERY}th sentence (index 0, 5, 10...) goes to tuning and is never trained on.
 * Stateless and thread-safe.
 */
public final class NerDatasets {

    /** Every n-th sentence of a set without a dev split is held back for tuning. */
    public static final int HOLD_OUT_EVERY = 5;

    /** Training sentences and the held-apart tuning sentences of one language. */
    public record Split(String language, List<LabeledSentence> train, List<LabeledSentence> tune, String tuneName) {
        public Split {
            train = List.copyOf(train);
            tune = List.copyOf(tune);
        }
    }

    private final Path nerDir;

    /**
     * @param nerDir the {@code ner} folder (containing {@code wikiann/}, {@code wikigold/}...)
     * @throws IllegalArgumentException when the folder does not exist
     */
    public NerDatasets(Path nerDir) {
        if (!Files.isDirectory(nerDir.resolve("wikiann"))) {
            throw new IllegalArgumentException("labelled NER data not found: " + nerDir
                    + " must contain wikiann/ (see /work/shared/data/README.md)");
        }
        this.nerDir = nerDir;
    }

    /** The split of one of the seven languages, with {@code wikiannCap} WikiANN sentences at most. */
    public Split split(String language, int wikiannCap) {
        List<LabeledSentence> train = new ArrayList<>();
        List<LabeledSentence> tune = new ArrayList<>();
        String tuneName;
        switch (language) {
            case "en" -> {
                holdOut(read("wikigold/wikigold.bio"), train, tune);
                tuneName = "wikigold held-out 1/5";
            }
            case "ru" -> {
                holdOut(read("factrueval2016/dev.bio"), train, tune);
                tuneName = "FactRuEval held-out 1/5";
            }
            case "tr" -> {
                train.addAll(read("turkish_wiki_ner/train.conll"));
                tune.addAll(read("turkish_wiki_ner/dev.conll"));
                tuneName = "Turkish Wiki NER dev";
            }
            case "kk" -> {
                holdOut(read("kaznerd/IOB2_valid.txt"), train, tune);
                tuneName = "KazNERD held-out 1/5";
            }
            case "ky" -> {
                // Kyrgyz has 800 labelled fragments: the related Kazakh news sentences (Cyrillic) teach the shape of news.
                List<LabeledSentence> kazakh = new ArrayList<>();
                holdOut(read("kaznerd/IOB2_valid.txt"), kazakh, new ArrayList<>());
                train.addAll(kazakh);
                tune.addAll(read("wikiann/ky/dev.bio"));
                tuneName = "WikiANN ky dev";
            }
            case "uz", "az" -> {
                tune.addAll(read("wikiann/" + language + "/dev.bio"));
                tuneName = "WikiANN " + language + " dev";
            }
            default -> throw new IllegalArgumentException("no NER training recipe for language '" + language + "'");
        }
        train.addAll(cap(wikiann(language), wikiannCap));
        return new Split(language, train, tune, tuneName);
    }

    /** WikiANN dev of a language, the common ground with published figures. */
    public List<LabeledSentence> wikiannDev(String language) {
        return read("wikiann/" + language + "/dev.bio");
    }

    private List<LabeledSentence> wikiann(String language) {
        List<LabeledSentence> all = new ArrayList<>(read("wikiann/" + language + "/train.bio"));
        Path extra = nerDir.resolve("wikiann/" + language + "/extra.bio");
        if (Files.exists(extra)) {
            all.addAll(BioCorpus.read(extra));
        }
        return all;
    }

    private static List<LabeledSentence> cap(List<LabeledSentence> sentences, int cap) {
        if (sentences.size() <= cap) {
            return sentences;
        }
        // An even stride over the file, not its head, so that the sample spans the whole set.
        List<LabeledSentence> sample = new ArrayList<>(cap);
        double stride = (double) sentences.size() / cap;
        for (int i = 0; i < cap; i++) {
            sample.add(sentences.get((int) (i * stride)));
        }
        return sample;
    }

    private static void holdOut(List<LabeledSentence> all, List<LabeledSentence> train, List<LabeledSentence> tune) {
        for (int i = 0; i < all.size(); i++) {
            (i % HOLD_OUT_EVERY == 0 ? tune : train).add(all.get(i));
        }
    }

    private List<LabeledSentence> read(String relative) {
        return BioCorpus.read(nerDir.resolve(relative));
    }
}
