package dev.newsflow.enrich.ner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The training, tuning and test sentences of each language, read from the labelled data folder ({@code ner/} with
 * the layout described in its README). Full-sentence, news-like sets come first; WikiANN fragments are a capped
 * supplement.
 *
 * <p>The <b>test</b> sets are fixed once and nothing is ever tuned on them: not features, not rules, not settings.
 * They were chosen, before the models of 2026-12-06 were changed, among the sentences the models of that day had
 * never been trained on, so that the same sets measure the old and the new model:
 * <ul>
 *   <li>en: GUM {@code test}, UNER EWT {@code test} and the first 250 (news) sentences of PUD;</li>
 *   <li>ru: every 10th sentence of FactRuEval (index 0, 10, 20...) and the first 250 (news) sentences of PUD;</li>
 *   <li>kk: every 10th sentence of KazNERD (index 0, 10, 20...);</li>
 *   <li>tr: Turkish Wiki NER {@code dev} (the old model was trained on all of {@code train});</li>
 *   <li>az: 1,000 WikiANN train/extra sentences outside the 2,000 the old model sampled;</li>
 *   <li>uz, ky: WikiANN {@code dev} (the old models were trained on all of train and extra).</li>
 * </ul>
 * No training sentence has the same words as a test sentence. Tuning sentences are held back from training too.
 * Stateless and thread-safe.
 */
public final class NerDatasets {

    /** Every n-th sentence of FactRuEval and KazNERD is held back from training (half of them for test). */
    public static final int HOLD_OUT_EVERY = 5;
    /** PUD's first 500 sentences are news; the first 250 of them (in English and in Russian) are test sentences. */
    static final int PUD_TEST_SENTENCES = 250;
    private static final int OLD_WIKIANN_SAMPLE = 2000;
    private static final int AZ_TEST_SENTENCES = 1000;

    /** A named set of labelled sentences. */
    public record Part(String name, List<LabeledSentence> sentences) {
        public Part {
            sentences = List.copyOf(sentences);
        }
    }

    /** Training, tuning and test sentences of one language. */
    public record Split(String language, List<LabeledSentence> train, Part tune, List<Part> tests) {
        public Split {
            train = List.copyOf(train);
            tests = List.copyOf(tests);
        }

        /** Every test sentence of the language, the parts in order. */
        public List<LabeledSentence> test() {
            return tests.stream().flatMap(part -> part.sentences().stream()).toList();
        }

        /** The names of the test parts, joined. */
        public String testName() {
            return String.join(" + ", tests.stream().map(Part::name).toList());
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
                    + " must contain wikiann/ (the data folder's README.md names its sets)");
        }
        this.nerDir = nerDir;
    }

    /** The split of one of the seven languages, with {@code wikiannCap} WikiANN sentences at most. */
    public Split split(String language, int wikiannCap) {
        List<LabeledSentence> train = new ArrayList<>();
        List<Part> tests = new ArrayList<>();
        Part tune;
        List<LabeledSentence> wikiann = wikiann(language);
        switch (language) {
            case "en" -> {
                train.addAll(read("wikigold/wikigold.bio"));
                train.addAll(read("gum_en/train.bio"));
                train.addAll(read("uner_en_ewt/train.bio"));
                train.addAll(pud("en", tests));
                tests.add(new Part("GUM test", read("gum_en/test.bio")));
                tests.add(new Part("UNER EWT test", read("uner_en_ewt/test.bio")));
                List<LabeledSentence> dev = new ArrayList<>(read("gum_en/dev.bio"));
                dev.addAll(read("uner_en_ewt/dev.bio"));
                tune = new Part("GUM dev + UNER EWT dev", dev);
            }
            case "ru" -> {
                tune = holdOut("FactRuEval", read("factrueval2016/dev.bio"), train, tests);
                train.addAll(pud("ru", tests));
            }
            case "kk" -> tune = holdOut("KazNERD", read("kaznerd/IOB2_valid.txt"), train, tests);
            case "ky" -> {
                // Kyrgyz has 800 labelled fragments: the related Kazakh news sentences (Cyrillic) teach the shape of news.
                holdOut("KazNERD", read("kaznerd/IOB2_valid.txt"), train, new ArrayList<>());
                tests.add(new Part("WikiANN ky dev", read("wikiann/ky/dev.bio")));
                tune = everyTenth("WikiANN ky train+extra", wikiann);
            }
            case "tr" -> {
                List<LabeledSentence> twner = read("turkish_wiki_ner/train.conll");
                tune = everyTenth("Turkish Wiki NER train", twner);
                train.addAll(twner);
                tests.add(new Part("Turkish Wiki NER dev", read("turkish_wiki_ner/dev.conll")));
            }
            case "uz" -> {
                tests.add(new Part("WikiANN uz dev", read("wikiann/uz/dev.bio")));
                tune = everyTenth("WikiANN uz train+extra", wikiann);
            }
            case "az" -> {
                tests.add(new Part("WikiANN az train+extra, 1,000 held back", azTest(wikiann)));
                tune = new Part("WikiANN az dev", read("wikiann/az/dev.bio"));
            }
            default -> throw new IllegalArgumentException("no NER training recipe for language '" + language + "'");
        }
        train.addAll(cap(wikiann, wikiannCap));
        Set<List<String>> heldBack = new HashSet<>();
        tests.forEach(part -> part.sentences().forEach(s -> heldBack.add(s.tokens())));
        tune.sentences().forEach(s -> heldBack.add(s.tokens()));
        train.removeIf(sentence -> heldBack.contains(sentence.tokens()));
        return new Split(language, train, tune, tests);
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

    /** PUD's news sentences after the first {@value #PUD_TEST_SENTENCES} and its Wikipedia sentences, to train on. */
    private List<LabeledSentence> pud(String language, List<Part> tests) {
        List<LabeledSentence> all = read("uner_" + language + "_pud/train.bio");
        tests.add(new Part("PUD " + language + " news 1-" + PUD_TEST_SENTENCES, all.subList(0, PUD_TEST_SENTENCES)));
        return all.subList(PUD_TEST_SENTENCES, all.size());
    }

    /**
     * The az test sentences: of WikiANN train+extra, those the models of 2026-12-06 did not sample for training
     * ({@link #cap} at 2,000), without one whose words they did train on, every 8th up to 1,000.
     */
    private static List<LabeledSentence> azTest(List<LabeledSentence> wikiann) {
        List<LabeledSentence> sampled = cap(wikiann, OLD_WIKIANN_SAMPLE);
        Set<List<String>> trainedOn = new HashSet<>();
        sampled.forEach(s -> trainedOn.add(s.tokens()));
        Set<LabeledSentence> sampledSet = Collections.newSetFromMap(new IdentityHashMap<>());
        sampledSet.addAll(sampled);
        List<LabeledSentence> unseen = wikiann.stream()
                .filter(s -> !sampledSet.contains(s) && !trainedOn.contains(s.tokens())).toList();
        List<LabeledSentence> test = new ArrayList<>();
        for (int i = 0; i < unseen.size() && test.size() < AZ_TEST_SENTENCES; i += 8) {
            test.add(unseen.get(i));
        }
        return test;
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

    /**
     * Every {@value #HOLD_OUT_EVERY}th sentence is held back from training: index 0, 10, 20... for test (the
     * sentences the models of 2026-12-06 were tuned on but never trained on), 5, 15, 25... for tuning.
     */
    private static Part holdOut(String name, List<LabeledSentence> all, List<LabeledSentence> train, List<Part> tests) {
        List<LabeledSentence> test = new ArrayList<>();
        List<LabeledSentence> tune = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % HOLD_OUT_EVERY != 0) {
                train.add(all.get(i));
            } else {
                (i % (2 * HOLD_OUT_EVERY) == 0 ? test : tune).add(all.get(i));
            }
        }
        tests.add(new Part(name + " 1/10 (index 0, 10, 20...)", test));
        return new Part(name + " 1/10 (index 5, 15, 25...)", tune);
    }

    /** Every 10th sentence (index 0, 10, 20...) of a set that is otherwise trained on, for tuning. */
    private static Part everyTenth(String name, List<LabeledSentence> all) {
        List<LabeledSentence> tune = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 10) {
            tune.add(all.get(i));
        }
        return new Part(name + " 1/10", tune);
    }

    private List<LabeledSentence> read(String relative) {
        return BioCorpus.read(nerDir.resolve(relative));
    }
}
