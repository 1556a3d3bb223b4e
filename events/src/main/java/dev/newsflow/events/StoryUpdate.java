package dev.newsflow.events;

import static dev.newsflow.events.Fields.required;

import java.time.Instant;
import java.util.List;

/**
 * The value of the stories topic ({@link PipelineTopics#stories()}): an article was given its story, and the story as
 * it stands after that. Keyed by story id, so the updates of one story stay in order. Every field but
 * {@code score} is non-null; lists are never null. Immutable and thread-safe.
 *
 * @param storyId     the story, {@code s-} and the id of the article that opened it
 * @param articleId   the article this update gave its story
 * @param outlet      that article's outlet (its source), or null when it names none
 * @param decidedBy   why the article is in the story
 * @param score       the similarity score that let the article join, or null when it opened the story or is a reprint
 * @param seenAt      the article's time in the story: its publication time, or when it entered the pipeline when it
 *                    has none (never later than that)
 * @param headline    the headline of the article that opened the story
 * @param firstSeen   the time of the story's first article
 * @param lastSeen    the time of its latest article
 * @param articles    articles in the story, reprints included, at least 1
 * @param reprints    articles that repeat another article's text (0..articles)
 * @param outlets     the outlets (sources) of the story's original articles, sorted: its independent outlets
 * @param languages   ISO 639-1 codes of its articles, sorted
 * @param topEntities the entities its articles mention most, most first
 * @param countries   ISO 3166-1 codes its articles name, most named first
 * @param updatedAt   when the stories stage made this update
 */
public record StoryUpdate(
        String storyId,
        String articleId,
        String outlet,
        StoryDecision decidedBy,
        Double score,
        Instant seenAt,
        String headline,
        Instant firstSeen,
        Instant lastSeen,
        int articles,
        int reprints,
        List<String> outlets,
        List<String> languages,
        List<EntityCount> topEntities,
        List<String> countries,
        Instant updatedAt) implements PipelineOutcome {

    public StoryUpdate {
        storyId = required("storyId", storyId, Article.MAX_ID_LENGTH + 2);
        articleId = required("articleId", articleId, Article.MAX_ID_LENGTH);
        outlet = Fields.optional("outlet", outlet, 500);
        Fields.present("decidedBy", decidedBy);
        if (score != null && !(score >= 0 && score <= 10)) {
            throw new InvalidEventException("field 'score' must be within 0..10, was " + score);
        }
        Fields.present("seenAt", seenAt);
        headline = required("headline", headline, Article.MAX_TITLE_LENGTH);
        Fields.present("firstSeen", firstSeen);
        Fields.present("lastSeen", lastSeen);
        if (lastSeen.isBefore(firstSeen)) {
            throw new InvalidEventException("field 'lastSeen' (" + lastSeen + ") is before 'firstSeen' (" + firstSeen + ")");
        }
        if (articles < 1 || reprints < 0 || reprints > articles) {
            throw new InvalidEventException("a story has at least 1 article and 0..articles reprints, had "
                    + articles + " articles and " + reprints + " reprints");
        }
        outlets = Fields.list(outlets);
        languages = Fields.list(languages);
        topEntities = Fields.list(topEntities);
        countries = Fields.list(countries);
        Fields.present("updatedAt", updatedAt);
    }

    /** Distinct outlets that published an original article of the story. */
    public int independentOutlets() {
        return outlets.size();
    }
}
