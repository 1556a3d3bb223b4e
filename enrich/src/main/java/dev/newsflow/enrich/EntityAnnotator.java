package dev.newsflow.enrich;

import dev.newsflow.enrich.ner.EntityRecognizer;
import dev.newsflow.enrich.ner.LabeledSentence.TokenSpan;
import dev.newsflow.enrich.ner.NameRules;
import dev.newsflow.enrich.ner.PlaceGazetteer;
import dev.newsflow.enrich.text.Sentence;
import dev.newsflow.enrich.text.Token;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityMention;
import dev.newsflow.events.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds every person, organization and location mention of the title and body, with offsets in the
 * original field text. Three sources are merged, sentence by sentence:
 * <ol>
 *   <li>the statistical {@link EntityRecognizer} (trained models), corrected by {@link NameRules} (person
 *       names with patronymic surname endings, offices, coordinations);</li>
 *   <li>the {@link PlaceGazetteer}: a country, region or city name the model missed becomes a location, unless
 *       it is directly followed by another capitalized word that is not a place ("Baghdad Amreyev" is a
 *       person whose first name happens to be a city); a place the model typed as organization is retyped;</li>
 *   <li>document rules: a name found once is found at each of its other occurrences, and an organization's
 *       acronym ("Organization of Turkic States" ... "OTS") is an organization wherever it appears.</li>
 * </ol>
 * Then the distinct entities are counted. Thread-safe when its recognizer is.
 */
final class EntityAnnotator implements Annotator {

    private final EntityRecognizer recognizer;
    private final PlaceGazetteer gazetteer;
    private final NameRules rules;

    EntityAnnotator(EntityRecognizer recognizer, PlaceGazetteer gazetteer) {
        this.recognizer = recognizer;
        this.gazetteer = gazetteer;
        this.rules = new NameRules(gazetteer);
    }

    @Override
    public void annotate(Document document) {
        String language = document.language();
        Map<Field, List<List<TokenSpan>>> found = new LinkedHashMap<>();
        for (Field field : document.fields()) {
            List<List<TokenSpan>> perSentence = new ArrayList<>();
            for (int i = 0; i < field.sentences().size(); i++) {
                List<String> tokens = field.normalizedTokens(i);
                List<TokenSpan> spans = rules.apply(language, tokens, recognizer.recognize(language, tokens));
                addPlaces(tokens, spans, language);
                perSentence.add(spans);
            }
            found.put(field, perSentence);
        }
        propagate(found);
        List<EntityMention> mentions = new ArrayList<>();
        found.forEach((field, perSentence) -> {
            for (int i = 0; i < perSentence.size(); i++) {
                Sentence sentence = field.sentences().get(i);
                perSentence.get(i).stream().sorted(Comparator.comparingInt(TokenSpan::start))
                        .filter(span -> !field.isInLink(sentence.tokens().get(span.start())))
                        .forEach(span -> mentions.add(mention(field, sentence, span)));
            }
        });
        document.setMentions(mentions);
        document.setEntities(count(mentions));
    }

    private void addPlaces(List<String> tokens, List<TokenSpan> spans, String language) {
        for (int i = 0; i < tokens.size(); ) {
            Optional<PlaceGazetteer.Match> match = gazetteer.match(tokens, i, language);
            if (match.isEmpty()) {
                i++;
                continue;
            }
            int start = i;
            int end = i + match.get().length();
            i = end;
            TokenSpan place = new TokenSpan(start, end, EntityType.LOCATION);
            TokenSpan same = find(spans, start, end);
            if (same != null) {
                // A name that is a known place and nothing more is the place, whatever the model said: a city is
                // someone's first name only with a surname after it ("Baghdad Amreyev"), and then the span is longer.
                spans.set(spans.indexOf(same), place);
                continue;
            }
            if (!overlapping(spans, start, end).isEmpty() || match.get().place().kind() == PlaceGazetteer.Kind.CITY
                    && looksLikeFirstName(tokens, end, language)) {
                continue;
            }
            spans.add(place);
        }
    }

    /**
     * A city name directly followed by a capitalized word that is neither a place nor an office is someone's
     * first name ("Baghdad Amreyev"); country names are not given as first names.
     */
    private boolean looksLikeFirstName(List<String> tokens, int end, String language) {
        if (end >= tokens.size()) {
            return false;
        }
        String next = tokens.get(end);
        if (!Character.isUpperCase(next.codePointAt(0)) || !Character.isLetter(next.codePointAt(0))) {
            return false;
        }
        if (next.length() > 1 && next.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c))) {
            return false; // an acronym after a place ("Samarkand SEZ") is no surname
        }
        return gazetteer.match(tokens, end, language).isEmpty() && !rules.isTitle(next, language);
    }

    /**
     * Adds the other occurrences of names found once, and the acronyms of organizations; a name found elsewhere
     * in the article wins over shorter spans inside it.
     */
    private void propagate(Map<Field, List<List<TokenSpan>>> found) {
        Map<List<String>, EntityType> names = new HashMap<>();
        found.forEach((field, perSentence) -> {
            for (int i = 0; i < perSentence.size(); i++) {
                List<String> tokens = field.normalizedTokens(i);
                for (TokenSpan span : perSentence.get(i)) {
                    List<String> words = tokens.subList(span.start(), span.end());
                    names.putIfAbsent(List.copyOf(words), span.type());
                    if (span.type() == EntityType.ORGANIZATION) {
                        acronym(words).ifPresent(a -> names.putIfAbsent(List.of(a), EntityType.ORGANIZATION));
                    }
                }
            }
        });
        found.forEach((field, perSentence) -> {
            for (int i = 0; i < perSentence.size(); i++) {
                List<String> tokens = field.normalizedTokens(i);
                List<TokenSpan> spans = perSentence.get(i);
                for (int start = 0; start < tokens.size(); start++) {
                    String first = tokens.get(start);
                    if (first.isEmpty() || !Character.isUpperCase(first.codePointAt(0))) {
                        continue; // a name found again starts with a capital
                    }
                    for (int length = Math.min(6, tokens.size() - start); length >= 1; length--) {
                        EntityType type = names.get(tokens.subList(start, start + length));
                        if (type == null) {
                            continue;
                        }
                        List<TokenSpan> inside = overlapping(spans, start, start + length);
                        if (allShorterThan(inside, length)) {
                            spans.removeAll(inside); // "Turkic States" inside "Organization of Turkic States" found elsewhere
                            spans.add(new TokenSpan(start, start + length, type));
                            break;
                        }
                    }
                }
            }
        });
    }

    /** Initials of the capitalized words of a name of three words or more: "Organization of Turkic States" is OTS. */
    static Optional<String> acronym(List<String> words) {
        StringBuilder initials = new StringBuilder();
        for (String word : words) {
            int first = word.codePointAt(0);
            if (Character.isUpperCase(first)) {
                initials.appendCodePoint(first);
            }
        }
        return words.size() >= 3 && initials.length() >= 2 ? Optional.of(initials.toString()) : Optional.empty();
    }

    private static TokenSpan find(List<TokenSpan> spans, int start, int end) {
        for (TokenSpan span : spans) {
            if (span.start() == start && span.end() == end) {
                return span;
            }
        }
        return null;
    }

    private static boolean allShorterThan(List<TokenSpan> spans, int length) {
        for (TokenSpan span : spans) {
            if (span.end() - span.start() >= length) {
                return false;
            }
        }
        return true;
    }

    private static List<TokenSpan> overlapping(List<TokenSpan> spans, int start, int end) {
        List<TokenSpan> found = new ArrayList<>();
        for (TokenSpan span : spans) {
            if (span.start() < end && start < span.end()) {
                found.add(span);
            }
        }
        return found;
    }

    private static EntityMention mention(Field field, Sentence sentence, TokenSpan span) {
        List<Token> tokens = sentence.tokens();
        int start = tokens.get(span.start()).start();
        int end = tokens.get(span.end() - 1).end();
        return new EntityMention(field.text().substring(start, end), span.type(), field.name(), start, end);
    }

    /** Distinct entities, most mentioned first; the canonical text is the most frequent (then longest) mention. */
    static List<EntityCount> count(List<EntityMention> mentions) {
        Map<String, Map<String, Integer>> surfaces = new LinkedHashMap<>();
        Map<String, EntityType> types = new HashMap<>();
        for (EntityMention mention : mentions) {
            String key = mention.type() + "\u0000" + mention.text().toLowerCase(Locale.ROOT);
            surfaces.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(mention.text(), 1, Integer::sum);
            types.put(key, mention.type());
        }
        List<EntityCount> counts = new ArrayList<>();
        surfaces.forEach((key, forms) -> {
            String canonical = forms.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(e -> e.getKey().length()))
                    .orElseThrow().getKey();
            int total = forms.values().stream().mapToInt(Integer::intValue).sum();
            counts.add(new EntityCount(canonical, types.get(key), total));
        });
        counts.sort(Comparator.comparingInt(EntityCount::count).reversed()); // stable: first seen first on ties
        return counts;
    }
}
