package dev.newsflow.stories;

import java.util.Objects;

/**
 * The one outcome of {@link StoryIndex#assign} or {@link StoryIndex#inherit}: the article's story and why. Every
 * kind but {@link Known} changed the index: write {@link #story()} and {@link #article()} to the changelog under
 * {@link StoryChangelog#storyKey} and {@link StoryChangelog#articleKey}. Immutable and thread-safe.
 */
public sealed interface Assignment permits Assignment.Opened, Assignment.Joined, Assignment.Inherited, Assignment.Known {

    /** The article's story id, never blank. */
    String storyId();

    /** Which similarity decided. */
    Signal decidedBy();

    /** The story after the change, for the changelog and the stories topic; null for {@link Known}. */
    StoryEntry story();

    /** The article as remembered, for the changelog; null for {@link Known}. */
    ArticleEntry article();

    /**
     * No story was similar enough: the article opened one.
     *
     * @param best the most similar candidate's comparison (below the threshold), or null when there was none
     */
    record Opened(StoryEntry story, ArticleEntry article, Similarity best) implements Assignment {
        public Opened {
            Objects.requireNonNull(story, "story");
            Objects.requireNonNull(article, "article");
        }

        @Override
        public String storyId() {
            return story.storyId();
        }

        @Override
        public Signal decidedBy() {
            return Signal.NEW;
        }
    }

    /**
     * The article joined the most similar story.
     *
     * @param similarity the winning comparison, never null
     */
    record Joined(StoryEntry story, ArticleEntry article, Similarity similarity) implements Assignment {
        public Joined {
            Objects.requireNonNull(story, "story");
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(similarity, "similarity");
        }

        @Override
        public String storyId() {
            return story.storyId();
        }

        @Override
        public Signal decidedBy() {
            return similarity.decidedBy();
        }
    }

    /** A duplicate joined its original's story as a reprint. */
    record Inherited(StoryEntry story, ArticleEntry article, String originalId) implements Assignment {
        public Inherited {
            Objects.requireNonNull(story, "story");
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(originalId, "originalId");
        }

        @Override
        public String storyId() {
            return story.storyId();
        }

        @Override
        public Signal decidedBy() {
            return Signal.DUPLICATE;
        }
    }

    /** The article was assigned before (a re-delivery): its story, the index unchanged. */
    record Known(String storyId) implements Assignment {
        public Known {
            if (storyId == null || storyId.isBlank()) {
                throw new IllegalArgumentException("storyId must not be blank");
            }
        }

        @Override
        public Signal decidedBy() {
            return Signal.KNOWN;
        }

        @Override
        public StoryEntry story() {
            return null;
        }

        @Override
        public ArticleEntry article() {
            return null;
        }
    }
}
