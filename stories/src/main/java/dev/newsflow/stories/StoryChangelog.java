package dev.newsflow.stories;

/**
 * The keys of the stories changelog (a compacted topic): {@code story/<storyId>} holds a {@link StoryEntry},
 * {@code article/<articleId>} an {@link ArticleEntry}, {@code waiting/<articleId>} a {@link WaitingDuplicate}; a
 * tombstone (null value) forgets any of them. Replaying the topic's latest values into
 * {@link StoryIndex#restore(String, byte[])} rebuilds the index exactly. Stateless.
 */
public final class StoryChangelog {

    static final String STORY = "story/";
    static final String ARTICLE = "article/";
    static final String WAITING = "waiting/";

    private StoryChangelog() {
    }

    /** The changelog key of a story. */
    public static String storyKey(String storyId) {
        return STORY + storyId;
    }

    /** The changelog key of a remembered article. */
    public static String articleKey(String articleId) {
        return ARTICLE + articleId;
    }

    /** The changelog key of a duplicate waiting for its original. */
    public static String waitingKey(String articleId) {
        return WAITING + articleId;
    }
}
