package dev.newsflow.enrich.names;

import dev.newsflow.events.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Mentions a recognizer finds that are not people, places or organizations, where a dashboard shows them:
 * <ul>
 *   <li>link labels, calls to action, technologies, products and currencies ({@code not-names.txt}: "Читать",
 *       "Подписаться", "Python", "Биткоин");</li>
 *   <li>spans holding markup, and Russian common words capitalized ({@code ru.common.txt});</li>
 *   <li>the article's own source in its own posts: a channel or an agency naming itself ("Mash" in Mash's posts,
 *       "Топор Live" and "КиберТопор" in those of "ТОПОР - Горячие новости").</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class NonNames {
    private static final String RESOURCE = "/dev/newsflow/enrich/names/not-names.txt";
    /**
     * Russian words that running text writes in lower case: of the words seen at least 5 times inside a line of the
     * Telegram posts, those written in lower case at least 9 times in 10 there (11,130 words).
     */
    private static final String RUSSIAN_COMMON_WORDS = "/dev/newsflow/enrich/names/ru.common.txt";
    /** Words channels add to their names ("Топор Live", "Москва 24"), which do not tell one channel from another. */
    private static final Set<String> CHANNEL_WORDS = Set.of("live", "news", "online", "tv", "лайв", "новости", "плюс");
    private static final int MIN_SOURCE_WORD = 4;
    private static final String MARKUP = "[]_*|<>{}#";
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int MAX_ENDING = 2;

    private final Set<String> names;
    private final Set<String> russianCommonWords;

    private NonNames(Set<String> names, Set<String> russianCommonWords) {
        this.names = Set.copyOf(names);
        this.russianCommonWords = Set.copyOf(russianCommonWords);
    }

    /** The bundled lists. */
    public static NonNames load() {
        return new NonNames(lines(RESOURCE), lines(RUSSIAN_COMMON_WORDS));
    }

    private static Set<String> lines(String resource) {
        Set<String> lines = new HashSet<>();
        try (InputStream in = NonNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return lines;
    }

    /**
     * Whether a Russian mention is a common word capitalized, not a name: one word that running text writes in lower
     * case ("Мужчина", "Видео": {@code ru.common.txt}), or a person whose first word is such a word and whose other
     * words are no one's name ("Курс биткоина"; not "Президент Путин").
     *
     * @param isPersonName whether the dictionary knows a word as a first name, surname or patronymic
     */
    public boolean isCommonWords(List<String> words, EntityType type, String language,
                                 java.util.function.Predicate<String> isPersonName) {
        if (!"ru".equals(language) || words.isEmpty() || !russianCommonWords.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            return false;
        }
        return words.size() == 1 || type == EntityType.PERSON && words.stream().skip(1).noneMatch(isPersonName);
    }

    /** Whether a mention (as written, or its base form) is a link label, a call to action or a technology. */
    public boolean isListed(String mention, String baseForm) {
        String lower = mention.toLowerCase(Locale.ROOT);
        if (names.contains(lower) || names.contains(baseForm.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (int cut = 1; cut <= MAX_ENDING && cut < lower.length(); cut++) {
            String stem = lower.substring(0, lower.length() - cut);
            if (names.contains(stem) && isCyrillic(stem)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a mention of several words is a listed word with common words around it ("команда Go": the Go team),
     * every word listed or, in Russian, written in lower case in running text.
     */
    public boolean isListedWithCommonWords(List<String> words) {
        if (words.size() < 2) {
            return false;
        }
        boolean listed = false;
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            boolean isListed = names.contains(lower);
            if (!isListed && !russianCommonWords.contains(lower)) {
                return false;
            }
            listed |= isListed;
        }
        return listed;
    }

    /** Whether a mention holds markup no name has: link brackets, emphasis marks ("Прислали __[__через бот"). */
    public static boolean hasMarkup(String mention) {
        for (int i = 0; i < mention.length(); i++) {
            if (MARKUP.indexOf(mention.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a mention names the article's own source: its words (without words such as "Live") are all words of
     * the source's name, or it begins with the source's first word, or one word holds a word of the source's name of
     * at least four letters, or is held by one ("КиберТопор" in the posts of "ТОПОР - Горячие новости", "Топор" in
     * those of "КиберТопор", "Библиотека хакера" in those of "Библиотека программиста").
     *
     * @param isPlace whether the mention is a known place: "Москва" in the posts of "Москва Live" is the city
     */
    public static boolean isSource(String mention, String source, boolean isPlace) {
        if (source == null || source.isBlank() || isPlace) {
            return false;
        }
        return isSource(mention, words(source));
    }

    /** As {@link #isSource(String, String, boolean)} for a mention that is no place, given the source's {@link #words}. */
    public static boolean isSource(String mention, List<String> sourceWords) {
        if (sourceWords.isEmpty()) {
            return false;
        }
        List<String> mentionWords = words(mention);
        if (mentionWords.isEmpty()) {
            return false;
        }
        List<String> significant = mentionWords.stream().filter(w -> !CHANNEL_WORDS.contains(w)).toList();
        if (!significant.isEmpty() && sourceWords.containsAll(significant)) {
            return true;
        }
        if (mentionWords.size() > 1 && !sourceWords.isEmpty()
                && mentionWords.get(0).equals(sourceWords.get(0)) && mentionWords.get(0).length() >= MIN_SOURCE_WORD) {
            return true; // "Библиотека хакера", "Mash Room": a sister channel named after the source's first word
        }
        if (mentionWords.size() == 1) {
            String word = mentionWords.get(0);
            for (String sourceWord : sourceWords) {
                if (sourceWord.length() >= MIN_SOURCE_WORD && !CHANNEL_WORDS.contains(sourceWord) && word.length() >= MIN_SOURCE_WORD
                        && (word.contains(sourceWord) || sourceWord.contains(word))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The words of a source's name, lower case, as {@link #isSource(String, List)} wants them; empty for none. */
    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return List.of(SEPARATORS.split(text.toLowerCase(Locale.ROOT))).stream().filter(w -> !w.isEmpty()).toList();
    }

    private static boolean isCyrillic(String word) {
        return word.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }
}
