package dev.newsflow.enrich;

import dev.newsflow.enrich.text.Sentence;
import dev.newsflow.enrich.text.SentenceSplitter;
import dev.newsflow.enrich.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One analysed field of an article (title or body): its text, sentences and tokens, computed once, and the
 * token forms the recognizer sees (after script normalization; same count and order as the tokens).
 * Confined to the thread that enriches the article.
 */
public final class Field {

    private final String name;
    private final String text;
    private final List<Sentence> sentences;
    private final List<List<String>> normalized;
    private final List<int[]> urls = new ArrayList<>();

    /** Links and e-mail addresses: their words are neither keywords nor names. */
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+|\\S+@\\S+\\.\\w+|\\]\\([^)\\s]+\\)");

    Field(String name, String text, SentenceSplitter splitter) {
        this.name = name;
        this.text = text;
        this.sentences = splitter.split(text);
        if (mayHoldLink(text)) {
            Matcher url = URL.matcher(text);
            while (url.find()) {
                urls.add(new int[] {url.start(), url.end()});
            }
        }
        this.normalized = new ArrayList<>(sentences.size());
        for (Sentence sentence : sentences) {
            normalized.add(sentence.tokens().stream().map(Token::text).toList());
        }
    }

    /**
     * False when {@link #URL} cannot match: each of its forms holds one of these. Most articles hold none, and the
     * pattern, tried at every character of a text, was a twentieth of enrichment's time.
     */
    private static boolean mayHoldLink(String text) {
        return text.indexOf('@') >= 0 || text.contains("://") || text.contains("www.") || text.contains("](");
    }

    /** {@code "title"} or {@code "body"}, as in {@link dev.newsflow.events.EntityMention#field()}. */
    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    /** True when the token lies inside a link or e-mail address. */
    public boolean isInLink(Token token) {
        for (int[] range : urls) {
            if (token.start() >= range[0] && token.end() <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** The normalized token forms of sentence {@code index}. */
    public List<String> normalizedTokens(int index) {
        return normalized.get(index);
    }

    /** Replaces the normalized forms of a sentence; the list must have one form per token. */
    public void setNormalizedTokens(int index, List<String> forms) {
        if (forms.size() != sentences.get(index).tokens().size()) {
            throw new IllegalArgumentException("normalized forms must match the " + sentences.get(index).tokens().size()
                    + " tokens of sentence " + index + ", were " + forms.size());
        }
        normalized.set(index, List.copyOf(forms));
    }
}
