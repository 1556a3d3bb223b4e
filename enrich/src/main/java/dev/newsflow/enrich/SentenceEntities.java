package dev.newsflow.enrich;

import com.ibm.icu.util.ULocale;
import dev.newsflow.enrich.ner.CrfEntityRecognizer;
import dev.newsflow.enrich.ner.EntityRecognizer;
import dev.newsflow.enrich.ner.LabeledSentence.TokenSpan;
import dev.newsflow.enrich.ner.PlaceGazetteer;
import dev.newsflow.enrich.text.SentenceSplitter;
import dev.newsflow.events.Article;
import dev.newsflow.events.EntityMention;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The enricher's entity chain (script normalization, model, rules, gazetteer, document rules, the filters of
 * non-names) run over one labelled sentence in a known language, its mentions given back as token spans: how
 * the quality tools score what a user of the enricher gets, not the model alone. The sentence is the body of an
 * article of its own, its tokens joined by spaces; a mention that does not begin and end at token edges is kept
 * as the tokens it touches (and so counts as a wrong span). Thread-safe.
 */
public final class SentenceEntities {
    private final SentenceSplitter splitter = new SentenceSplitter(ULocale.ROOT);
    private final List<Annotator> chain;

    private SentenceEntities(EntityRecognizer recognizer) {
        this.chain = List.of(new ScriptAnnotator(), Enrichers.entityAnnotator(recognizer, PlaceGazetteer.fromLocaleData()));
    }

    /** Over the shipped models of the given languages. */
    public static SentenceEntities loadShipped(Collection<String> languages) {
        return new SentenceEntities(CrfEntityRecognizer.loadShipped(languages));
    }

    /** A span the enricher found and its mention's confidence. */
    public record Scored(TokenSpan span, double confidence) {
    }

    /** The entities the enricher finds in a sentence of the given language, as spans over {@code tokens}. */
    public List<TokenSpan> find(String language, List<String> tokens) {
        return findScored(language, tokens).stream().map(Scored::span).toList();
    }

    /** As {@link #find}, with each mention's confidence (1 where a recognizer gives none). */
    public List<Scored> findScored(String language, List<String> tokens) {
        StringBuilder body = new StringBuilder();
        Map<Integer, Integer> tokenAt = new HashMap<>();
        Map<Integer, Integer> tokenEndingAt = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                body.append(' ');
            }
            tokenAt.put(body.length(), i);
            body.append(tokens.get(i));
            tokenEndingAt.put(body.length(), i);
        }
        Document document = new Document(new Article("sentence", "-", body.toString(), null, null, null, null, null, null),
                splitter);
        document.setLanguage(language, 1.0);
        document.setScript(LanguageAnnotator.dominantScript(body.toString()));
        chain.forEach(annotator -> annotator.annotate(document));
        List<Scored> spans = new ArrayList<>();
        for (EntityMention mention : document.mentions()) {
            if (mention.field().equals(EntityMention.BODY)) {
                spans.add(new Scored(new TokenSpan(tokenIndex(tokenAt, mention.start(), -1),
                        tokenIndex(tokenEndingAt, mention.end(), 1) + 1, mention.type()),
                        mention.confidence() == null ? 1.0 : mention.confidence()));
            }
        }
        return spans;
    }

    /** The token at a character edge, or the nearest one in the given direction when the edge is inside a token. */
    private static int tokenIndex(Map<Integer, Integer> edges, int offset, int direction) {
        for (int at = offset; at >= 0; at += direction) {
            Integer token = edges.get(at);
            if (token != null) {
                return token;
            }
        }
        return 0;
    }
}
