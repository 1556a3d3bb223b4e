package dev.newsflow.enrich;

import dev.newsflow.enrich.EntityGroups.Found;
import dev.newsflow.enrich.names.EntityNames;
import dev.newsflow.enrich.names.NonNames;
import dev.newsflow.enrich.ner.EntityRecognizer;
import dev.newsflow.enrich.ner.Recognition;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds every person, organization and location mention of the title and body, with offsets in the
 * original field text. Three sources are merged, sentence by sentence:
 * <ol>
 *   <li>the statistical {@link EntityRecognizer} (trained models), corrected by {@link NameRules} (person
 *       names with patronymic surname endings, offices, coordinations);</li>
 *   <li>the {@link PlaceGazetteer}: a country, region or city name the model missed becomes a location, unless
 *       it is directly followed by another capitalized word that is not a place ("Baghdad Amreyev" is a
 *       person whose first name happens to be a city); a place the model typed as organization is retyped;</li>
 *   <li>document rules: an acronym defined by a name elsewhere in the article makes that name an entity, a name
 *       found once is found at each of its other occurrences, and an organization's acronym ("Organization of
 *       Turkic States" ... "OTS") is an organization wherever it appears.</li>
 * </ol>
 * Each mention then gets its base form and key ({@link EntityNames}) and its confidence (the recognizer's marginal
 * probability, see {@link #withRuleConfidence}); what is not a name where a dashboard looks is dropped
 * ({@link NonNames}); and the mentions are grouped into entities ({@link EntityGroups}). Thread-safe when its
 * recognizer is.
 */
final class EntityAnnotator implements Annotator {

    /** A mention of a place the gazetteer knows is at least this sure, whatever the model's probability. */
    static final double KNOWN_PLACE_CONFIDENCE = 0.9;
    /** A name that only the rules made (the model did not) is this sure: the rules are precise by design. */
    static final double RULE_CONFIDENCE = 0.75;
    private static final Set<String> PERSON_LISTS = Set.of("en", "ru", "kk");
    private static final Set<String> LIST_CONJUNCTIONS = Set.of("and", "и", "және");
    private static final Set<String> ACRONYM_CONNECTORS = Set.of("of", "the", "and", "for", "on", "de", "и");

    private final EntityRecognizer recognizer;
    private final PlaceGazetteer gazetteer;
    private final NameRules rules;
    private final EntityNames names;
    private final NonNames nonNames;

    EntityAnnotator(EntityRecognizer recognizer, PlaceGazetteer gazetteer, EntityNames names, NonNames nonNames) {
        this.recognizer = recognizer;
        this.gazetteer = gazetteer;
        this.rules = new NameRules(gazetteer);
        this.names = names;
        this.nonNames = nonNames;
    }

    @Override
    public void annotate(Document document) {
        String language = document.language();
        Map<Field, List<List<TokenSpan>>> found = new LinkedHashMap<>();
        Map<Field, List<Recognition>> recognitions = new HashMap<>();
        for (Field field : document.fields()) {
            List<List<TokenSpan>> perSentence = new ArrayList<>();
            List<Recognition> scored = new ArrayList<>();
            for (int i = 0; i < field.sentences().size(); i++) {
                List<String> tokens = field.normalizedTokens(i);
                Recognition recognition = recognizer.recognizeScored(language, tokens);
                List<TokenSpan> spans = splitPlacesAtCommas(rules.apply(language, tokens, new ArrayList<>(recognition.spans())),
                        tokens, language);
                addPlaces(tokens, spans, language);
                perSentence.add(spans);
                scored.add(recognition);
            }
            found.put(field, perSentence);
            recognitions.put(field, scored);
        }
        defineAcronyms(found, language);
        propagate(found);
        List<Found> mentions = new ArrayList<>();
        List<String> sourceWords = NonNames.words(document.article().source());
        found.forEach((field, perSentence) -> {
            for (int i = 0; i < perSentence.size(); i++) {
                Sentence sentence = field.sentences().get(i);
                List<String> tokens = field.normalizedTokens(i);
                Recognition recognition = recognitions.get(field).get(i);
                for (TokenSpan span : perSentence.get(i).stream().sorted(Comparator.comparingInt(TokenSpan::start)).toList()) {
                    if (field.isInLink(sentence.tokens().get(span.start()))) {
                        continue;
                    }
                    Found mention = found(field, sentence, span, tokens, recognition, sourceWords, language);
                    if (mention != null) {
                        mentions.add(mention);
                    }
                }
            }
        });
        EntityGroups.Result entities = EntityGroups.of(withRuleConfidence(mentions), language);
        document.setMentions(entities.mentions());
        document.setEntities(entities.entities());
    }

    /**
     * A mention with its base form, key and confidence; null when it is not a name where a dashboard looks: a link
     * label, call to action or technology, a span with markup in it, a common word or one the dictionary knows only
     * as a verb or an adjective, or the article's own source.
     */
    private Found found(Field field, Sentence sentence, TokenSpan span, List<String> tokens, Recognition recognition,
                        List<String> sourceWords, String language) {
        List<Token> spanTokens = sentence.tokens().subList(span.start(), span.end());
        int start = spanTokens.get(0).start();
        int end = spanTokens.get(spanTokens.size() - 1).end();
        String text = field.text().substring(start, end);
        List<String> words = spanTokens.stream().map(Token::text).toList();
        List<String> base = names.baseForm(words, span.type(), language);
        String name = rebuild(text, spanTokens, start, base);
        boolean place = gazetteer.lookup(tokens.subList(span.start(), span.end()), language).isPresent();
        boolean exactPlace = gazetteer.isExactName(tokens.subList(span.start(), span.end()));
        if (nonNames.isListed(text, name) || nonNames.isListedWithCommonWords(words) || NonNames.hasMarkup(text) || !exactPlace && (names.isNoName(words, language)
                || nonNames.isCommonWords(words, span.type(), language, w -> names.isPersonName(w, language)))
                || !place && NonNames.isSource(text, sourceWords)) {
            return null;
        }
        double confidence = recognition.confidence().applyAsDouble(span);
        boolean byModel = recognition.spans().contains(span);
        if (place) {
            confidence = Math.max(confidence, KNOWN_PLACE_CONFIDENCE);
        }
        return new Found(new EntityMention(text, span.type(), field.name(), start, end, null, confidence), name,
                names.key(name, tokens.subList(span.start(), span.end()), span.type(), language), byModel || place);
    }

    /**
     * The confidence of the mentions the model did not make as they are: a name found again elsewhere in the article
     * (document rules) is as sure as the surest mention of it the model made; a name only the rules made (a first name
     * and a patronymic-style surname, a title's person) is {@link #RULE_CONFIDENCE} sure.
     */
    private static List<Found> withRuleConfidence(List<Found> mentions) {
        Map<String, Double> byModel = new HashMap<>();
        for (Found found : mentions) {
            if (found.byModel()) {
                byModel.merge(sameName(found), found.mention().confidence(), Math::max);
            }
        }
        List<Found> scored = new ArrayList<>(mentions.size());
        for (Found found : mentions) {
            EntityMention m = found.mention();
            double confidence = found.byModel() ? m.confidence()
                    : Math.max(m.confidence(), byModel.getOrDefault(sameName(found), RULE_CONFIDENCE));
            scored.add(new Found(new EntityMention(m.text(), m.type(), m.field(), m.start(), m.end(), null,
                    Math.round(confidence * 1000) / 1000.0), found.name(), found.key(), found.byModel()));
        }
        return scored;
    }

    private static String sameName(Found found) {
        return found.mention().type() + "\u0000" + found.mention().text().toLowerCase(Locale.ROOT);
    }

    /** The mention's text with each word replaced by its base form, what lies between words kept. */
    private static String rebuild(String text, List<Token> tokens, int offset, List<String> base) {
        StringBuilder name = new StringBuilder(text.length());
        int at = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            name.append(text, at, token.start() - offset).append(base.get(i));
            at = token.end() - offset;
        }
        return name.append(text, at, text.length()).toString();
    }

    /**
     * Known places with a comma between are two places ("Kyrgyzstan, Türkiye"), as "X and Europe" is (NameRules);
     * a span with a part that is no known place stays whole ("Ош, Кыргызстан" is how WikiANN names a town). In
     * {@link #PERSON_LISTS} a person span with a comma or "and" is a list of people ("Путин, Медведев", "Михаил и
     * Сергей"): measured on the tuning sets, splitting at commas gained ru +0.010 and en +0.002 F1, kk nothing, and
     * lost tr 0.009 and ky 0.10 (WikiANN writes "Surname, Name").
     */
    private List<TokenSpan> splitPlacesAtCommas(List<TokenSpan> spans, List<String> tokens, String language) {
        List<TokenSpan> split = new ArrayList<>(spans.size());
        for (TokenSpan span : spans) {
            List<TokenSpan> parts = new ArrayList<>();
            int from = span.start();
            for (int i = span.start(); i <= span.end(); i++) {
                if (i == span.end() || ",".equals(tokens.get(i))
                        || span.type() == EntityType.PERSON && LIST_CONJUNCTIONS.contains(tokens.get(i))) {
                    if (i > from) {
                        parts.add(new TokenSpan(from, i, EntityType.LOCATION));
                    }
                    from = i + 1;
                }
            }
            boolean places = span.type() == EntityType.LOCATION && parts.size() > 1 && parts.stream()
                    .allMatch(part -> gazetteer.lookup(tokens.subList(part.start(), part.end()), language).isPresent());
            if (places) {
                split.addAll(parts);
            } else if (span.type() == EntityType.PERSON && parts.size() > 1 && PERSON_LISTS.contains(language)) {
                parts.forEach(part -> NameRules.trimmed(part.start(), part.end(), EntityType.PERSON, tokens).ifPresent(split::add));
            } else {
                split.add(span);
            }
        }
        return split;
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

    /**
     * An acronym of the article ("OTS") defined by a capitalized name elsewhere whose initials it is ("Organization of
     * Turkic States", inner "of", "the", "and" allowed): the name is an entity of the acronym's type where the
     * recognizer typed the acronym (РФ: "Российская Федерация" a place), else an organization, winning over the
     * shorter spans inside it, and {@link #propagate} then finds the acronym. A name that is or begins with a known
     * place ("United States" for US, "Қазақстан Республикасы" for ҚР) or holds a person is left as it is. The abbreviation definitions of Schwartz and Hearst (2003), across a
     * document instead of within parentheses.
     */
    private void defineAcronyms(Map<Field, List<List<TokenSpan>>> found, String language) {
        Set<String> acronyms = new HashSet<>();
        for (Field field : found.keySet()) {
            for (int i = 0; i < field.sentences().size(); i++) {
                for (String token : field.normalizedTokens(i)) {
                    if (isAcronym(token)) {
                        acronyms.add(token);
                    }
                }
            }
        }
        if (acronyms.isEmpty()) {
            return;
        }
        Map<String, EntityType> tagged = new HashMap<>();
        found.forEach((field, perSentence) -> {
            for (int i = 0; i < perSentence.size(); i++) {
                List<String> tokens = field.normalizedTokens(i);
                perSentence.get(i).stream().filter(span -> span.end() - span.start() == 1)
                        .forEach(span -> tagged.putIfAbsent(tokens.get(span.start()), span.type()));
            }
        });
        found.forEach((field, perSentence) -> {
            for (int i = 0; i < perSentence.size(); i++) {
                List<String> tokens = field.normalizedTokens(i);
                List<TokenSpan> spans = perSentence.get(i);
                for (int start = 0; start < tokens.size(); start++) {
                    int end = acronymDefinitionEnd(tokens, start, acronyms);
                    if (end < 0 || gazetteer.lookup(tokens.subList(start, end), language).isPresent()
                            || gazetteer.lookup(tokens.subList(start, start + 1), language).isPresent()) {
                        continue; // "United States" (US), "Қазақстан Республикасы" (ҚР): places
                    }
                    EntityType type = tagged.getOrDefault(initials(tokens.subList(start, end)), EntityType.ORGANIZATION);
                    List<TokenSpan> inside = overlapping(spans, start, end);
                    if (type != EntityType.PERSON && allShorterThan(inside, end - start)
                            && inside.stream().noneMatch(s -> s.type() == EntityType.PERSON)) {
                        spans.removeAll(inside);
                        spans.add(new TokenSpan(start, end, type));
                        start = end - 1;
                    }
                }
            }
        });
    }

    private static String initials(List<String> words) {
        StringBuilder initials = new StringBuilder();
        words.stream().filter(EntityAnnotator::isTitleCaseWord).forEach(w -> initials.appendCodePoint(w.codePointAt(0)));
        return initials.toString();
    }

    /** Where a name starting at {@code start} ends whose initials are one of the acronyms, or -1. */
    private static int acronymDefinitionEnd(List<String> tokens, int start, Set<String> acronyms) {
        if (!isTitleCaseWord(tokens.get(start))) {
            return -1;
        }
        StringBuilder initials = new StringBuilder();
        for (int end = start; end < tokens.size() && end - start < 8; end++) {
            String token = tokens.get(end);
            if (isTitleCaseWord(token)) {
                initials.appendCodePoint(token.codePointAt(0));
                if (initials.length() >= 2 && acronyms.contains(initials.toString())) {
                    return end + 1;
                }
            } else if (end == start || !ACRONYM_CONNECTORS.contains(token)) {
                return -1;
            }
        }
        return -1;
    }

    static boolean isAcronym(String token) {
        int length = token.length();
        if (length < 2 || length > 6) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = token.charAt(i);
            if (!Character.isLetter(c) || !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTitleCaseWord(String token) {
        if (token.length() < 2 || !Character.isUpperCase(token.charAt(0))) {
            return false;
        }
        boolean lower = false;
        for (int i = 1; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!Character.isLetter(c)) {
                return false;
            }
            lower |= Character.isLowerCase(c);
        }
        return lower; // not an acronym
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
}
