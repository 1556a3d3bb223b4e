package dev.newsflow.enrich.tools;

import dev.newsflow.enrich.names.EntityNames;
import dev.newsflow.enrich.names.NonNames;
import dev.newsflow.enrich.names.RussianMorphology;
import dev.newsflow.enrich.names.TurkicSuffixes;
import dev.newsflow.enrich.ner.LabeledSentence;
import dev.newsflow.enrich.ner.NerDatasets;
import dev.newsflow.enrich.ner.PlaceGazetteer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Measures the rules of the entity chain on the labelled training and tuning sentences (never the test ones):
 * {@code RuleReport <ner-dir>}. For each filter of non-names, how many gold names it would throw away (each one is a
 * wrong removal); for the Turkic case-suffix rule, how many gold names' last words it cuts and how many of the cut
 * forms are themselves written as the last word of a gold name elsewhere in the corpus (an attested base form).
 */
public final class RuleReport {

    private RuleReport() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: RuleReport <ner-dir>");
            System.exit(2);
        }
        NerDatasets datasets = new NerDatasets(Path.of(args[0]));
        PlaceGazetteer gazetteer = PlaceGazetteer.fromLocaleData();
        EntityNames names = new EntityNames(RussianMorphology.load(), gazetteer);
        NonNames nonNames = NonNames.load();
        System.out.println("| lang | gold names | listed (not-names.txt) | markup | dictionary: no noun / verbs only | common words |");
        System.out.println("|---|---|---|---|---|---|");
        java.util.Map<String, Integer> examples = new java.util.HashMap<>();
        for (String language : TrainNer.LANGUAGES) {
            int gold = 0;
            int[] removed = new int[4];
            for (LabeledSentence sentence : sentences(datasets, language)) {
                for (LabeledSentence.TokenSpan span : sentence.entities()) {
                    List<String> words = sentence.tokens().subList(span.start(), span.end());
                    String text = String.join(" ", words);
                    boolean exactPlace = gazetteer.isExactName(words);
                    gold++;
                    removed[0] += nonNames.isListed(text, text) ? 1 : 0;
                    removed[1] += NonNames.hasMarkup(text) ? 1 : 0;
                    boolean noName = !exactPlace && names.isNoName(words, language);
                    boolean common = !exactPlace && nonNames.isCommonWords(words, span.type(), language, w -> names.isPersonName(w, language));
                    removed[2] += noName ? 1 : 0;
                    removed[3] += common ? 1 : 0;
                    if (noName || common || nonNames.isListed(text, text)) {
                        examples.merge(language + " " + span.type() + " " + text, 1, Integer::sum);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", language, gold, removed[0], removed[1], removed[2],
                    removed[3]);
        }
        System.out.println();
        System.out.println("Gold names removed most often: " + examples.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(40)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
        System.out.println();
        System.out.println("| lang | gold names | last word cut | cut form attested as a name's last word | not attested |");
        System.out.println("|---|---|---|---|---|");
        for (String language : List.of("uz", "kk", "ky", "tr", "az")) {
            List<String> lastWords = new ArrayList<>();
            for (LabeledSentence sentence : sentences(datasets, language)) {
                for (LabeledSentence.TokenSpan span : sentence.entities()) {
                    lastWords.add(sentence.tokens().get(span.end() - 1));
                }
            }
            Set<String> written = new HashSet<>();
            lastWords.forEach(w -> written.add(w.toLowerCase(Locale.ROOT)));
            int cut = 0;
            int attested = 0;
            for (String word : lastWords) {
                String base = TurkicSuffixes.strip(word, language);
                if (!base.equals(word)) {
                    cut++;
                    attested += written.contains(base.toLowerCase(Locale.ROOT)) ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", language, lastWords.size(), cut, attested, cut - attested);
        }
    }

    private static List<LabeledSentence> sentences(NerDatasets datasets, String language) {
        NerDatasets.Split split = datasets.split(language, Integer.MAX_VALUE);
        List<LabeledSentence> all = new ArrayList<>(split.train());
        all.addAll(split.tune().sentences());
        return all;
    }
}
