package dev.newsflow.stories;

/**
 * The keys of the stories changelog (a compacted topic): {@code story/<storyId>} holds a {@link StoryEntry},
 * {@code article/<articleId>} an {@link ArticleEntry}; a tombstone (null value) forgets either. Replaying the
 * topic's latest values into {@link StoryIndex#restore(String, byte[])} rebuilds the index exactly. Stateless.
 */
public final class StoryChangelog {

    static final String STORY = "story/";
    static final String ARTICLE = "article/";

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
}
