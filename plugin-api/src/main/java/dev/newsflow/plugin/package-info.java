/**
 * The plug-in SPI of newsflow: implement {@link dev.newsflow.plugin.ArticleHandler} to consume enriched articles
 * with the runtime's consumer group, commits, retries, dead letters, metrics and graceful shutdown.
 */
package dev.newsflow.plugin;
