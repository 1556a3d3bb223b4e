package dev.newsflow.enrich;

import dev.newsflow.enrich.text.SentenceSplitter;
import dev.newsflow.events.Article;
import dev.newsflow.events.EntityMention;
import dev.newsflow.events.Enrichment;
import dev.newsflow.events.EntityCount;
import java.util.List;

/**
 * The working state of one article while the annotators run: the parsed title and body (sentences and
 * tokens computed once) and what each annotator has found so far. Mutable and confined to one thread; the
 * result is the immutable {@link Enrichment}.
 */
public final class Document {

    private final Article article;
    private final Field title;
    private final Field body;
    private String language = "und";
    private String script;
    private double languageConfidence;
    private List<EntityMention> mentions = List.of();
    private List<EntityCount> entities = List.of();
    private List<String> countries = List.of();
    private List<String> keywords = List.of();
    private List<String> keywordStems = List.of();
    private String summary;
    private int wordCount;
    private int readingTimeSeconds;

    Document(Article article, SentenceSplitter splitter) {
        this.article = article;
        this.title = new Field(EntityMention.TITLE, article.title(), splitter);
        this.body = new Field(EntityMention.BODY, article.body(), splitter);
    }

    public Article article() {
        return article;
    }

    public Field title() {
        return title;
    }

    public Field body() {
        return body;
    }

    /** Title then body. */
    public List<Field> fields() {
        return List.of(title, body);
    }

    public String language() {
        return language;
    }

    public String script() {
        return script;
    }

    public double languageConfidence() {
        return languageConfidence;
    }

    public void setLanguage(String language, double confidence) {
        this.language = language;
        this.languageConfidence = confidence;
    }

    public void setScript(String script) {
        this.script = script;
    }

    public List<EntityMention> mentions() {
        return mentions;
    }

    public void setMentions(List<EntityMention> mentions) {
        this.mentions = List.copyOf(mentions);
    }

    public List<EntityCount> entities() {
        return entities;
    }

    public void setEntities(List<EntityCount> entities) {
        this.entities = List.copyOf(entities);
    }

    public List<String> countries() {
        return countries;
    }

    public void setCountries(List<String> countries) {
        this.countries = List.copyOf(countries);
    }

    public List<String> keywords() {
        return keywords;
    }

    /** Stems of the keywords (same order), for the summary's sentence scoring. */
    public List<String> keywordStems() {
        return keywordStems;
    }

    public void setKeywords(List<String> keywords, List<String> stems) {
        this.keywords = List.copyOf(keywords);
        this.keywordStems = List.copyOf(stems);
    }

    public String summary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public int wordCount() {
        return wordCount;
    }

    public void setCounts(int wordCount, int readingTimeSeconds) {
        this.wordCount = wordCount;
        this.readingTimeSeconds = readingTimeSeconds;
    }

    Enrichment toEnrichment() {
        return new Enrichment(language, script, languageConfidence, mentions, entities, countries, keywords, summary,
                wordCount, readingTimeSeconds);
    }
}
