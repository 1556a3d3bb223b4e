package dev.newsflow.enrich.ner;

import dev.newsflow.enrich.names.TurkicSuffixes;
import dev.newsflow.enrich.ner.LabeledSentence.TokenSpan;
import dev.newsflow.events.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules that correct a statistical recognizer on the names of Central-Asian and Russian-language news,
 * sentence by sentence. Each rule is general (no article is special-cased):
 * <ul>
 *   <li><b>person names</b>: a capitalized first name followed by a surname with a patronymic surname ending
 *       ({@code -ov, -ev, -yev, -ova, -in, -uly, -ович}...; not {@code -in} or {@code -uly} in Turkish or
 *       Azerbaijani, where they are suffixes of any noun) is a person, and wins over any span it cuts
 *       ("Organization of Turkic States Baghdad Amreyev" is an organization, then a person);</li>
 *   <li><b>titles</b>: an office ("Minister", "Secretary General", "министр") is no organization; a span that
 *       starts with one keeps only what follows its last "of" when that is a place or an organization;</li>
 *   <li><b>coordination</b>: "the Organization and Europe" is two names when one side is a known place;</li>
 *   <li><b>places</b>: a country or world-region name is a location whatever the model said; a sentence's
 *       capitalized first word glued to a known place is not part of it.</li>
 * </ul>
 * Stateless apart from the immutable gazetteer; thread-safe.
 */
public final class NameRules {

    /** -ov/-ev/-yev... with an optional Uzbek, Turkish or English case ending. */
    private static final Pattern SURNAME_LATIN = Pattern.compile(
            "\\p{Lu}\\p{Ll}+(?:ov|ev|yev|yov|ova|eva|yeva|yova|qizi|kyzy|kizi)"
                    + "(?:ning|ni|ga|da|dan|ka|qa|nin|un|in|ın|a)?(?:['’ʻ]\\p{Ll}{1,4})?");
    /**
     * -uly and a bare -in (Mussin; not -din: Jaloliddin): surname endings in English or Uzbek text, but in Turkish
     * and Azerbaijani the genitive and possessive suffixes of any noun (Kurulu, Companynin, Sensin).
     */
    private static final Pattern SURNAME_LATIN_OUTSIDE_TURKIC = Pattern.compile(
            "\\p{Lu}\\p{Ll}+(?:uly|ulu)(?:ning|ni|ga|da|dan|ka|qa|nin|un|in|ın|a)?(?:['’ʻ]\\p{Ll}{1,4})?"
                    + "|\\p{Lu}\\p{Ll}+[^d\\s]in(?:['’ʻ]s)?");
    /**
     * Turkish and Azerbaijani: a proper name takes its case suffixes after an apostrophe ({@code Bakı'nın}), and
     * any noun may end in the genitive or possessive {@code -in}, {@code -ulu}.
     */
    static final Set<String> SUFFIXING_LANGUAGES = Set.of("tr", "az");
    private static final Pattern SURNAME_CYRILLIC = Pattern.compile(
            "\\p{Lu}\\p{Ll}+(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ұлы|қызы|уулу|кызы|ский|ская|цкий|цкая)(?:\\p{Ll}{0,4})");
    private static final Pattern PATRONYMIC = Pattern.compile(
            "\\p{Lu}\\p{Ll}+(?:ovich|evich|ovna|evna|ович|евич|овна|евна|ұлы|қызы)");
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{Ll}ʻ'’]+(?:-\\p{Lu}?[\\p{Ll}ʻ'’]+)*");

    private static final Map<String, Set<String>> TITLES = Map.of(
            "en", Set.of("minister", "president", "secretary", "general", "chairman", "chairwoman", "ambassador",
                    "governor", "mayor", "director", "deputy", "head", "prime", "envoy", "spokesman", "spokeswoman",
                    "senator", "khokim", "hokim", "rector", "commander", "chief", "representative", "adviser",
                    "advisor", "speaker", "vice", "first", "acting", "special"),
            "ru", Set.of("министр", "президент", "председатель", "посол", "губернатор", "хоким", "директор",
                    "заместитель", "глава", "генеральный", "секретарь", "премьер-министр", "спикер", "мэр", "аким"),
            "uz", Set.of("vazir", "vaziri", "prezident", "prezidenti", "rais", "raisi", "elchi", "elchisi", "hokim",
                    "hokimi", "direktor", "direktori", "oʻrinbosari", "bosh", "kotib", "kotibi"),
            "kk", Set.of("министр", "министрі", "президент", "президенті", "төраға", "төрағасы", "елші", "елшісі",
                    "әкім", "әкімі", "директор", "орынбасары", "бас", "хатшы", "хатшысы"),
            "ky", Set.of("министр", "министри", "президент", "президенти", "төрага", "төрагасы", "элчи", "элчиси",
                    "аким", "акими", "директор", "орун", "басары"),
            "tr", Set.of("bakan", "bakanı", "cumhurbaşkanı", "başkan", "başkanı", "büyükelçi", "büyükelçisi", "genel",
                    "sekreter", "sekreteri", "vali", "valisi", "müdür", "müdürü", "yardımcısı"),
            "az", Set.of("nazir", "naziri", "prezident", "prezidenti", "sədr", "sədri", "səfir", "səfiri",
                    "baş", "katib", "katibi", "müavini"));
    private static final Set<String> ORGANIZATION_HEADS = Set.of("ministry", "organization", "organisation",
            "committee", "agency", "council", "bank", "university", "union", "association", "company", "fund",
            "party", "service", "institute", "center", "centre", "academy", "commission", "assembly", "parliament",
            "senate", "chamber", "corporation", "group", "forum", "office", "department", "administration",
            "government", "cabinet", "court", "army", "police", "federation", "alliance", "league");
    private static final Set<String> CONJUNCTIONS = Set.of("and", "и", "va", "hamda", "ve", "və", "жана", "және");
    private static final Set<String> OF = Set.of("of", "for");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");
    private static final Set<String> FUNCTION_WORDS = Set.of("of", "the", "and", "for", "in", "at", "on", "to", "a",
            "an", "и", "в", "на", "по", "с", "va", "ve", "və", "және", "мен", "жана");

    /**
     * The words an English name leaves in lower case, as title case does: articles, conjunctions, short
     * prepositions ("Organization for Security and Co-operation in Europe", "Committee to Protect Journalists"),
     * and the particles of foreign names ("Rio de Janeiro", "Ludwig van Beethoven").
     */
    private static final Set<String> ENGLISH_NAME_CONNECTORS = Set.of("a", "an", "the", "and", "but", "or", "nor",
            "for", "so", "yet", "at", "by", "from", "in", "into", "of", "off", "on", "onto", "over", "per", "to", "up",
            "upon", "via", "with", "&", "'s", "’s", "de", "du", "da", "la", "le", "les", "al", "el", "bin", "ibn",
            "van", "von", "der", "den", "di", "del", "y");

    private final PlaceGazetteer gazetteer;

    public NameRules(PlaceGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Applies every rule to the model's spans of one sentence; returns the corrected, non-overlapping spans. */
    public List<TokenSpan> apply(String language, List<String> tokens, List<TokenSpan> modelSpans) {
        List<TokenSpan> spans = new ArrayList<>();
        for (TokenSpan span : modelSpans) {
            int end = "en".equals(language) ? endOfCapitalizedName(span, tokens) : span.end();
            trimmed(span.start(), end, span.type(), tokens).ifPresent(spans::add);
        }
        for (TokenSpan person : personNames(tokens, language)) {
            spans = cutAround(spans, person, tokens);
            spans.add(person);
        }
        spans = splitCoordinations(spans, tokens, language);
        spans = placesBeforeCommonNouns(spans, tokens, language);
        spans = placesAfterSentenceStart(spans, tokens, language);
        spans = dropTitles(spans, tokens, language);
        return spans;
    }

    /**
     * Where an English name ends at the latest: before its first lower-case word that title case would
     * capitalize. The English model learnt from encyclopaedia sentences and runs a name on through news prose
     * ("World Bank delegation in Tashkent on Monday", "BankAmerica stock"). Not for the other languages:
     * "Министерство иностранных дел" and "Tashqi ishlar vazirligi" are names in lower case.
     */
    private static int endOfCapitalizedName(TokenSpan span, List<String> tokens) {
        int end = span.start() + 1;
        while (end < span.end() && !endsEnglishName(tokens.get(end))) {
            end++;
        }
        while (end > span.start() + 1 && ENGLISH_NAME_CONNECTORS.contains(tokens.get(end - 1))) {
            end--; // "Department of Defense's de facto veto": a connector joins words of a name, never ends one
        }
        return end;
    }

    private static boolean endsEnglishName(String token) {
        return Character.isLowerCase(token.codePointAt(0)) && !ENGLISH_NAME_CONNECTORS.contains(token);
    }

    /** First name + (patronymic) + surname with a patronymic ending. */
    List<TokenSpan> personNames(List<String> tokens, String language) {
        List<TokenSpan> people = new ArrayList<>();
        Set<String> titles = TITLES.getOrDefault(language, Set.of());
        for (int i = 1; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!isSurname(token, language) || gazetteer.lookup(tokens.subList(i, i + 1), language).isPresent()) {
                continue; // Украина, Karolina end like surnames
            }
            int start = i - 1;
            if (start >= 1 && PATRONYMIC.matcher(tokens.get(start)).matches()
                    && !isSurname(tokens.get(start - 1), language)) {
                start--; // Шавкат Миромонович Мирзиёев: the patronymic sits between the names
            }
            String first = tokens.get(start);
            if ("uz".equals(language) && !TurkicSuffixes.strip(first, language).equals(first)
                    && NAME_WORD.matcher(first).matches() && !isCountry(tokens, start, language)) {
                // "Uchrashuvda Mirziyoyev": a word with a case suffix is no first name; the surname is the person
                people.add(new TokenSpan(i, i + 1, EntityType.PERSON));
                continue;
            }
            if (!NAME_WORD.matcher(first).matches() || titles.contains(first.toLowerCase(Locale.ROOT))
                    || isCountry(tokens, start, language)) {
                continue;
            }
            people.add(new TokenSpan(start, i + 1, EntityType.PERSON));
            i++;
        }
        return people;
    }

    private static boolean isSurname(String token, String language) {
        if (token.isEmpty() || !Character.isUpperCase(token.codePointAt(0))) {
            return false; // every surname pattern starts with a capital: most tokens never reach a regex
        }
        return SURNAME_LATIN.matcher(token).matches() || SURNAME_CYRILLIC.matcher(token).matches()
                || !SUFFIXING_LANGUAGES.contains(language) && SURNAME_LATIN_OUTSIDE_TURKIC.matcher(token).matches();
    }

    private boolean isCountry(List<String> tokens, int index, String language) {
        return gazetteer.lookup(tokens.subList(index, index + 1), language)
                .map(p -> p.kind() != PlaceGazetteer.Kind.CITY).orElse(false);
    }

    /** Removes the tokens of {@code cut} from every span, keeping the capitalized remainders. */
    private static List<TokenSpan> cutAround(List<TokenSpan> spans, TokenSpan cut, List<String> tokens) {
        List<TokenSpan> out = new ArrayList<>();
        for (TokenSpan span : spans) {
            if (span.end() <= cut.start() || cut.end() <= span.start()) {
                out.add(span);
                continue;
            }
            trimmed(span.start(), Math.min(span.end(), cut.start()), span.type(), tokens).ifPresent(out::add);
            trimmed(Math.max(span.start(), cut.end()), span.end(), span.type(), tokens).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The span without leading and trailing punctuation and function words ("of the", "и"), if a capitalized
     * word is left. Inner lower-case words stay: "Министерство иностранных дел" ends in one.
     */
    public static Optional<TokenSpan> trimmed(int start, int end, EntityType type, List<String> tokens) {
        while (start < end && isEdgeNoise(tokens.get(start))) {
            start++;
        }
        while (end > start && isEdgeNoise(tokens.get(end - 1)) && !closesBracket(tokens, start, end)) {
            end--;
        }
        boolean named = false;
        for (int i = start; i < end; i++) {
            named |= firstLetterIsUpper(tokens.get(i)) || Character.isDigit(tokens.get(i).charAt(0));
        }
        return named ? Optional.of(new TokenSpan(start, end, type)) : Optional.empty();
    }

    /** "«Beruniy»" is capitalized: quotes before the first letter do not count. */
    private static boolean firstLetterIsUpper(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetter(token.charAt(i))) {
                return Character.isUpperCase(token.charAt(i));
            }
        }
        return false;
    }

    /** Punctuation, or a lower-case function word ("The New York Times" keeps its capitalized article). */
    private static boolean isEdgeNoise(String token) {
        return token.codePoints().noneMatch(Character::isLetterOrDigit) || FUNCTION_WORDS.contains(token);
    }

    /** "Elmo (Missouri)": a closing bracket whose opening one is inside the span belongs to the name. */
    private static boolean closesBracket(List<String> tokens, int start, int end) {
        String last = tokens.get(end - 1);
        String open = ")".equals(last) ? "(" : "»".equals(last) ? "«" : "”".equals(last) ? "“" : null;
        return open != null && tokens.subList(start, end - 1).contains(open);
    }

    private List<TokenSpan> splitCoordinations(List<TokenSpan> spans, List<String> tokens, String language) {
        List<TokenSpan> out = new ArrayList<>();
        for (TokenSpan span : spans) {
            int conjunction = -1;
            for (int i = span.start() + 1; i < span.end() - 1; i++) {
                if (CONJUNCTIONS.contains(tokens.get(i).toLowerCase(Locale.ROOT))) {
                    conjunction = i;
                }
            }
            if (conjunction < 0) {
                out.add(span);
                continue;
            }
            Optional<PlaceGazetteer.Place> left = gazetteer.lookup(tokens.subList(span.start(), conjunction), language);
            Optional<PlaceGazetteer.Place> right = gazetteer.lookup(tokens.subList(conjunction + 1, span.end()), language);
            if (left.isEmpty() && right.isEmpty()) {
                out.add(span);
                continue;
            }
            trimmed(span.start(), conjunction, left.isPresent() ? EntityType.LOCATION : span.type(), tokens).ifPresent(out::add);
            trimmed(conjunction + 1, span.end(), right.isPresent() ? EntityType.LOCATION : span.type(), tokens).ifPresent(out::add);
        }
        return out;
    }

    /** A location or person span of a country name and lower-case words ("Turkiya shahri") is the country. */
    private List<TokenSpan> placesBeforeCommonNouns(List<TokenSpan> spans, List<String> tokens, String language) {
        List<TokenSpan> out = new ArrayList<>(spans.size());
        for (TokenSpan span : spans) {
            if (span.type() == EntityType.ORGANIZATION) {
                out.add(span); // "Oʻzbekiston havo yoʻllari" (Uzbekistan Airways) is a company
                continue;
            }
            int end = span.end();
            while (end > span.start() + 1 && !Character.isUpperCase(tokens.get(end - 1).codePointAt(0))) {
                end--;
            }
            boolean country = end < span.end() && gazetteer.lookup(tokens.subList(span.start(), end), language)
                    .map(p -> p.kind() == PlaceGazetteer.Kind.COUNTRY).orElse(false);
            out.add(country ? new TokenSpan(span.start(), end, EntityType.LOCATION) : span);
        }
        return out;
    }

    /**
     * A sentence's first word is capitalized whatever it is, and the models sometimes glue it to a place that
     * follows: "Forumda Oʻzbekiston" (at the forum, Uzbekistan) is the place alone when the place is known and
     * neither the first word nor the whole span is.
     */
    private List<TokenSpan> placesAfterSentenceStart(List<TokenSpan> spans, List<String> tokens, String language) {
        List<TokenSpan> out = new ArrayList<>(spans.size());
        for (TokenSpan span : spans) {
            boolean glued = span.type() == EntityType.LOCATION && span.start() == 0 && span.end() > 1
                    && gazetteer.lookup(tokens.subList(1, span.end()), language).isPresent()
                    && gazetteer.lookup(tokens.subList(0, 1), language).isEmpty()
                    && gazetteer.lookup(tokens.subList(0, span.end()), language).isEmpty();
            out.add(glued ? new TokenSpan(1, span.end(), EntityType.LOCATION) : span);
        }
        return out;
    }

    /** True when the word is an office in the language ("Президенті", "Minister"). */
    public boolean isTitle(String word, String language) {
        return TITLES.getOrDefault(language, Set.of()).contains(word.toLowerCase(Locale.ROOT));
    }

    private List<TokenSpan> dropTitles(List<TokenSpan> spans, List<String> tokens, String language) {
        Set<String> titles = TITLES.getOrDefault(language, Set.of());
        List<TokenSpan> out = new ArrayList<>();
        for (TokenSpan span : spans) {
            int first = span.start();
            if (ARTICLES.contains(tokens.get(first).toLowerCase(Locale.ROOT)) && first + 1 < span.end()) {
                first++; // "The Minister of ..." is an office as much as "Minister of ..."
            }
            if (!titles.contains(tokens.get(first).toLowerCase(Locale.ROOT))) {
                out.add(span);
                continue;
            }
            if (span.type() == EntityType.PERSON) {
                if (!tokens.subList(first, span.end()).stream()
                        .allMatch(w -> titles.contains(w.toLowerCase(Locale.ROOT)))) {
                    out.add(span); // "President Smith" stays; a bare "Secretary General" is an office
                }
                continue;
            }
            // "Secretary General of the Organization of Turkic States": the name is what follows an "of".
            for (int i = span.start(); i < span.end(); i++) {
                if (!OF.contains(tokens.get(i).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                Optional<TokenSpan> rest = trimmed(i + 1, span.end(), span.type(), tokens);
                if (rest.isEmpty()) {
                    break;
                }
                List<String> words = tokens.subList(rest.get().start(), rest.get().end());
                if (words.stream().anyMatch(w -> ORGANIZATION_HEADS.contains(w.toLowerCase(Locale.ROOT)))) {
                    out.add(new TokenSpan(rest.get().start(), rest.get().end(), EntityType.ORGANIZATION));
                    break;
                }
                if (gazetteer.lookup(words, language).isPresent()) {
                    out.add(new TokenSpan(rest.get().start(), rest.get().end(), EntityType.LOCATION));
                    break;
                }
            }
        }
        return out;
    }
}
