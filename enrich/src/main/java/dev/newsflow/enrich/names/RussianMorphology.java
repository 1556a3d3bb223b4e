package dev.newsflow.enrich.names;

import dev.newsflow.enrich.text.WordCache;
import dev.newsflow.events.EntityType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * Base forms of Russian names from LanguageTool's morfologik dictionaries (the AOT morphology, LGPL, inside
 * {@code org.languagetool:language-ru}): the analyser gives each word its lemmas with case, gender and number, the
 * synthesizer the form of a lemma for a tag. A name is put in the nominative as a whole, so that its words agree:
 * "Курской области" is "Курская область" (not the lemmas "курский область"), "Захаровой" is "Захарова", "Владимира
 * Путина" is "Владимир Путин". For a place or an organization only the words up to the first noun agree with it
 * ("Министерства иностранных дел" is "Министерство иностранных дел"). A surname the dictionary does not know
 * ("Байдена", "Мирзиёеву") loses its case ending when the other words of the name say which case it is in.
 * Thread-safe: a dictionary lookup per thread over shared dictionaries.
 */
public final class RussianMorphology {
    private static final String RESOURCES = "/org/languagetool/resource/ru/";
    private static final List<String> CASES = List.of("Nom", "R", "P", "D", "V", "T");
    private static final List<String> GENDERS = List.of("Masc", "Fem", "Neut", "PL");

    private final ThreadLocal<DictionaryLookup> analyser;
    private final ThreadLocal<DictionaryLookup> synthesizer;
    /** The readings of the words seen, shared by the enriching threads (a name's words are looked up several times). */
    private final WordCache<List<Reading>> known = new WordCache<>();
    private final WordCache<List<String>> features = new WordCache<>();

    private RussianMorphology(Dictionary analysis, Dictionary synthesis) {
        this.analyser = ThreadLocal.withInitial(() -> new DictionaryLookup(analysis));
        this.synthesizer = ThreadLocal.withInitial(() -> new DictionaryLookup(synthesis));
    }

    private static RussianMorphology shared;

    /** The dictionaries loaded once per process, for every user (the enricher, the feature generators). */
    public static synchronized RussianMorphology shared() {
        if (shared == null) {
            shared = load();
        }
        return shared;
    }

    /**
     * Loads the dictionaries from the class path (about 4 MB).
     *
     * @throws IllegalStateException when {@code language-ru} is not on the class path
     */
    public static RussianMorphology load() {
        return new RussianMorphology(dictionary("russian.dict"), dictionary("russian_synth.dict"));
    }

    private static Dictionary dictionary(String name) {
        URL url = RussianMorphology.class.getResource(RESOURCES + name);
        if (url == null) {
            throw new IllegalStateException("missing class-path resource " + RESOURCES + name + " (org.languagetool:language-ru)");
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    /** One reading of a word: lemma, part of speech (NN, ADJ, PT...), the tag's parts. */
    private record Reading(String lemma, String tag, String[] parts) {
        String pos() {
            return parts[0];
        }

        String grammaticalCase() {
            String last = parts[parts.length - 1];
            return CASES.contains(last) ? last : null;
        }

        String gender() {
            for (String part : parts) {
                if (GENDERS.contains(part)) {
                    return part;
                }
            }
            return null;
        }

        boolean isPersonName() {
            return tag.contains(":Name") || tag.contains(":Fam") || tag.contains(":Patr");
        }

        boolean isNominal() {
            return "NN".equals(pos()) || "ADJ".equals(pos()) || "PT".equals(pos()) || "NumC".equals(pos());
        }

        boolean isPlural() {
            return tag.contains(":PL");
        }
    }

    /** Whether the dictionary knows {@code word} only as something other than a noun or adjective (a verb: "Читать"). */
    public boolean isNeverNominal(String word) {
        if (isAcronym(word)) {
            return false;
        }
        List<Reading> readings = readings(word);
        return !readings.isEmpty() && readings.stream().noneMatch(Reading::isNominal);
    }

    /**
     * Whether the dictionary knows {@code word} only as an adjective or participle ("Самое", "Московский") or only as
     * an infinitive ("Читать"); never an acronym ("РФ", "НАТО") or a word in Latin letters.
     */
    public boolean isOnlyAdjectiveOrInfinitive(String word) {
        if (isAcronym(word)) {
            return false;
        }
        List<Reading> readings = readings(word);
        return !readings.isEmpty() && (readings.stream().allMatch(r -> "ADJ".equals(r.pos()) || "PT".equals(r.pos()))
                || readings.stream().allMatch(r -> "VB".equals(r.pos()) && r.tag().contains(":INF")));
    }

    /**
     * Tagger features of a word: {@code mt=} and each distinct coarse reading (part of speech, and for a noun whether it
     * is a first name, surname or patronymic: {@code mt=NN:Fam}), then {@code ml=} and the lemma of its first noun or
     * adjective reading; {@code mt=?} for a Cyrillic word the dictionary does not know; nothing for other tokens.
     */
    public List<String> features(String word) {
        return features.get(word, this::makeFeatures);
    }

    private List<String> makeFeatures(String word) {
        if (word.isEmpty() || Character.UnicodeScript.of(word.codePointAt(0)) != Character.UnicodeScript.CYRILLIC) {
            return List.of();
        }
        List<Reading> readings = readings(word);
        if (readings.isEmpty()) {
            return List.of("mt=?");
        }
        java.util.TreeSet<String> coarse = new java.util.TreeSet<>();
        String lemma = null;
        for (Reading reading : readings) {
            coarse.add("mt=" + coarse(reading));
            if (lemma == null && reading.isNominal()) {
                lemma = reading.lemma();
            }
        }
        List<String> all = new ArrayList<>(coarse);
        if (lemma != null) {
            all.add("ml=" + lemma);
        }
        return List.copyOf(all);
    }

    private static String coarse(Reading reading) {
        if ("NN".equals(reading.pos())) {
            for (String part : reading.parts()) {
                if ("Name".equals(part) || "Fam".equals(part) || "Patr".equals(part)) {
                    return "NN:" + part;
                }
            }
        }
        return reading.pos();
    }

    /** Whether the dictionary knows {@code word} as a first name, surname or patronymic. */
    public boolean isPersonName(String word) {
        return readings(word).stream().anyMatch(Reading::isPersonName);
    }

    /** The name in the nominative; words the dictionary cannot place are kept as written. */
    public List<String> baseForm(List<String> words, EntityType type) {
        List<List<Reading>> readings = new ArrayList<>(words.size());
        for (String word : words) {
            readings.add(isAcronym(word) ? List.of() : readings(word));
        }
        int agreeing = type == EntityType.PERSON ? words.size() : firstNoun(readings) + 1;
        if (agreeing <= 0) {
            return words;
        }
        boolean person = type == EntityType.PERSON;
        Set<String> cases = new LinkedHashSet<>(CASES);
        boolean known = false;
        for (int i = 0; i < agreeing; i++) {
            List<Reading> usable = usable(readings.get(i), person);
            List<String> itsCases = usable.stream().map(Reading::grammaticalCase).distinct().toList();
            if (usable.isEmpty() || itsCases.containsAll(CASES)) {
                continue; // unknown, or indeclinable ("Си" in "Си Цзиньпином"): says nothing of the case
            }
            known = true;
            cases.retainAll(itsCases);
        }
        if (!known && person) {
            return withoutGuessedInstrumental(words, readings);
        }
        if (person && words.size() == 1 && cases.contains("Nom") && onlyFeminineNominative(readings.get(0))) {
            cases.remove("Nom"); // "Путина" alone is far more often Путин's genitive than a woman's surname
        }
        if (!known || cases.isEmpty() || cases.contains("Nom")) {
            return words;
        }
        String grammaticalCase = cases.iterator().next();
        String gender = gender(readings, agreeing, person, grammaticalCase);
        List<String> base = new ArrayList<>(words);
        for (int i = 0; i < agreeing; i++) {
            String word = words.get(i);
            Reading reading = choose(usable(readings.get(i), person), grammaticalCase, gender);
            String nominative = reading != null ? nominative(reading)
                    : person && readings.get(i).isEmpty() ? withoutCaseEnding(word, grammaticalCase, gender) : null;
            if (nominative != null) {
                base.set(i, withCaseOf(word, nominative));
            }
        }
        return base;
    }

    private List<Reading> readings(String word) {
        return known.get(word, this::lookUp);
    }

    private List<Reading> lookUp(String word) {
        List<Reading> readings = new ArrayList<>();
        for (WordData data : analyser.get().lookup(word.toLowerCase(Locale.ROOT))) {
            String tag = data.getTag().toString();
            readings.add(new Reading(data.getStem().toString(), tag, tag.split(":")));
        }
        return List.copyOf(readings);
    }

    /** Readings that may be a word of a name: a person's name reading where there is one; singular first. */
    private static List<Reading> usable(List<Reading> readings, boolean person) {
        List<Reading> nominal = readings.stream().filter(Reading::isNominal).filter(r -> r.grammaticalCase() != null).toList();
        if (person) {
            List<Reading> names = nominal.stream().filter(Reading::isPersonName).toList();
            if (!names.isEmpty()) {
                nominal = names;
            }
            // one person is never plural: "Илон" is no genitive plural of Илона
            return nominal.stream().filter(r -> !r.isPlural()).toList();
        }
        // A capitalized name is singular when it can be: "Украины" is Украина's genitive, not "Ukraines".
        List<Reading> singular = nominal.stream().filter(r -> !r.isPlural()).toList();
        return singular.isEmpty() ? nominal : singular;
    }

    private static boolean onlyFeminineNominative(List<Reading> readings) {
        List<Reading> names = usable(readings, true);
        boolean masculineOblique = names.stream().anyMatch(r -> "Masc".equals(r.gender()) && !"Nom".equals(r.grammaticalCase()));
        return masculineOblique && names.stream().filter(r -> "Nom".equals(r.grammaticalCase())).allMatch(r -> "Fem".equals(r.gender()));
    }

    /**
     * The head of a place's or an organization's name: the first word that can only be a noun, or the last word
     * that can be one ("Курской" can be a surname, but before "области" it is the adjective); -1 when none can.
     */
    private static int firstNoun(List<List<Reading>> readings) {
        int last = -1;
        for (int i = 0; i < readings.size(); i++) {
            if (readings.get(i).isEmpty()) {
                return i == 0 ? -1 : last; // an acronym or an unknown word heads the rest: "МЧС России", "Гидрометцентр России"
            }
            boolean noun = readings.get(i).stream().anyMatch(r -> "NN".equals(r.pos()));
            boolean modifier = readings.get(i).stream().anyMatch(r -> "ADJ".equals(r.pos()) || "PT".equals(r.pos()));
            if (noun && !modifier) {
                return i;
            }
            last = noun ? i : last;
        }
        return last;
    }

    /** The gender (or PL) all the agreeing words can have in that case, the head's (or a first name's) first. */
    private static String gender(List<List<Reading>> readings, int agreeing, boolean person, String grammaticalCase) {
        Set<String> genders = new LinkedHashSet<>(GENDERS);
        for (int i = 0; i < agreeing; i++) {
            List<String> possible = usable(readings.get(i), person).stream()
                    .filter(r -> grammaticalCase.equals(r.grammaticalCase())).map(Reading::gender).toList();
            if (!possible.isEmpty() && !possible.contains(null)) {
                Set<String> kept = new LinkedHashSet<>(genders);
                kept.retainAll(possible);
                if (!kept.isEmpty()) {
                    genders = kept;
                }
            }
        }
        return genders.iterator().next();
    }

    private static Reading choose(List<Reading> readings, String grammaticalCase, String gender) {
        Reading fallback = null;
        for (Reading reading : readings) {
            if (grammaticalCase.equals(reading.grammaticalCase())) {
                if (gender.equals(reading.gender()) || reading.gender() == null) {
                    return reading;
                }
                fallback = fallback == null ? reading : fallback;
            }
        }
        return fallback;
    }

    /** The reading's form in the nominative: the synthesizer's, or the lemma where it has none. */
    private String nominative(Reading reading) {
        String[] parts = reading.parts().clone();
        parts[parts.length - 1] = "Nom";
        List<WordData> forms = synthesizer.get().lookup(reading.lemma() + "|" + String.join(":", parts));
        return forms.isEmpty() ? reading.lemma() : forms.get(0).getStem().toString();
    }

    /**
     * A surname the dictionary does not know, in a case the rest of the name showed: its ending dropped (masculine
     * "Байдена", "Байдену", "Байденом", "Байдене" are "Байден") or made the nominative's (feminine "-овой" is "-ова").
     */
    /**
     * A person's name none of whose words tells its case: a last word the dictionary does not know that ends as a
     * masculine instrumental does ("Си Цзиньпином", "Эрдоганом") loses the ending; the name is kept as written
     * otherwise. The only ending taken on a guess, because no name in the nominative is likely to end so.
     */
    private static List<String> withoutGuessedInstrumental(List<String> words, List<List<Reading>> readings) {
        int last = words.size() - 1;
        String word = words.get(last);
        if (!readings.get(last).isEmpty() || isAcronym(word) || word.length() < 6) {
            return words;
        }
        String stem = withoutCaseEnding(word, "T", "Masc");
        if (stem == null) {
            return words;
        }
        List<String> base = new ArrayList<>(words);
        base.set(last, stem);
        return base;
    }

    static String withoutCaseEnding(String word, String grammaticalCase, String gender) {
        String lower = word.toLowerCase(Locale.ROOT);
        if ("Fem".equals(gender)) {
            if (lower.endsWith("ой") && lower.length() > 4 && !"Nom".equals(grammaticalCase)) {
                return word.substring(0, word.length() - 2) + "а";
            }
            if (lower.endsWith("у") && "V".equals(grammaticalCase) && lower.length() > 3) {
                return word.substring(0, word.length() - 1) + "а";
            }
            return null;
        }
        List<String> endings = switch (grammaticalCase) {
            case "R", "V" -> List.of("а", "я");
            case "D" -> List.of("у", "ю");
            case "T" -> List.of("ом", "ем", "ым");
            case "P" -> List.of("е");
            default -> List.of();
        };
        for (String ending : endings) {
            int stem = lower.length() - ending.length();
            if (lower.endsWith(ending) && stem >= 3 && isConsonant(lower.charAt(stem - 1))) {
                return word.substring(0, stem);
            }
        }
        return null;
    }

    private static boolean isConsonant(char c) {
        return Character.isLetter(c) && "аеёиоуыэюяйьъ".indexOf(c) < 0;
    }

    static boolean isAcronym(String word) {
        int upper = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isDigit(c) || c < 0x400 && Character.isLetter(c)) {
                return true; // digits or Latin letters: not a Russian word to decline
            }
            upper += Character.isUpperCase(c) ? 1 : 0;
        }
        return upper > 1 && upper * 2 > word.length();
    }

    /** {@code form} with the capitals of {@code written} where they line up ("нью-йорк" after "Нью-Йорке"). */
    static String withCaseOf(String written, String form) {
        StringBuilder result = new StringBuilder(form);
        for (int i = 0; i < Math.min(written.length(), form.length()); i++) {
            if (Character.isUpperCase(written.charAt(i))) {
                result.setCharAt(i, Character.toUpperCase(form.charAt(i)));
            }
        }
        return result.toString();
    }
}
