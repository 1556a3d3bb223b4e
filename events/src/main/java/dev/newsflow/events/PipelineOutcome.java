package dev.newsflow.events;

/**
 * What the pipeline's stages hand to the end of the pipeline (the store, and any consumer there): what became of
 * an article ({@link ArticleOutcome}) or the change it made to its story ({@link StoryUpdate}). Sealed, so a
 * consumer handles every kind or fails to compile.
 */
public sealed interface PipelineOutcome permits ArticleOutcome, StoryUpdate {
}
