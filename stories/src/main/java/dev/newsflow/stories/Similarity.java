package dev.newsflow.stories;

/**
 * How an article compares with one story: each component in 0..1, the final score and the component that
 * weighed most. For debugging and the dashboard's "why grouped". Immutable.
 *
 * @param text         TF-IDF cosine of title and body stems with the story's centroid
 * @param title        TF-IDF cosine of the title with the story's titles
 * @param entities     share of the article's entity keys (IDF-weighted, smoothed) that the story names
 * @param places       the same for places
 * @param countries    share of the article's countries that the story names
 * @param keywords     share of the article's keywords that the story has
 * @param placeConflict both name places and none agree
 * @param crossLingual no article of the story is in the article's language
 * @param hoursApart   hours between the article and the story's latest article
 * @param score        the combined score compared with the threshold
 * @param decidedBy    the component that contributed most
 */
public record Similarity(
        double text,
        double title,
        double entities,
        double places,
        double countries,
        double keywords,
        boolean placeConflict,
        boolean crossLingual,
        double hoursApart,
        double score,
        Signal decidedBy) {
}
