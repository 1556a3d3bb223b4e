package dev.newsflow.sources;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import dev.newsflow.producer.ArticleFiles;
import dev.newsflow.producer.ArticleFormatException;
import dev.newsflow.producer.ArticleIds;
import dev.newsflow.producer.FeedFormat;
import dev.newsflow.producer.SourceItem;
import dev.newsflow.sources.http.FetchResult;
import dev.newsflow.sources.http.PoliteFetcher;
import dev.newsflow.sources.http.Validators;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the listing of a source: a feed (Rome, through the producer's {@link FeedFormat}), a sitemap or sitemap
 * index (crawler-commons, news sitemap titles, dates and languages included), or a folder (the producer's
 * {@link ArticleFiles}). Feeds and sitemaps are fetched with conditional GETs. Thread-safe.
 */
final class Listings {
    /** Child sitemaps of an index read in one poll at most; the rest wait for the next polls. */
    static final int MAX_CHILD_SITEMAPS = 50;

    private final PoliteFetcher fetcher;
    private final FeedFormat feeds = new FeedFormat();
    private final ArticleFiles files = new ArticleFiles();

    Listings(PoliteFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    Listing read(SourceSpec spec, Map<String, Validators> validators) {
        return switch (spec.kind()) {
            case FEED -> feed(spec.url(), validators);
            case SITEMAP -> sitemap(spec.url(), validators);
            case FOLDER -> folder(spec);
        };
    }

    private Listing feed(URI url, Map<String, Validators> validators) {
        FetchResult result = fetcher.fetch(url, validators.getOrDefault(url.toString(), Validators.NONE));
        if (result instanceof FetchResult.NotModified) {
            return new Listing.Unchanged(1);
        }
        if (!(result instanceof FetchResult.Fetched fetched)) {
            return new Listing.Failed(reason(result), 1);
        }
        try {
            List<Listing.Item> items = new ArrayList<>();
            for (FeedFormat.Entry e : feeds.entries(fetched.body())) {
                String key = e.key() != null ? e.key() : e.id();
                items.add(new Listing.Link(key, e.id(), e.link(), e.title(), e.text(), e.author(), e.publishedAt(), null,
                        ArticleIds.fromContent(e.title(), e.text(), String.valueOf(e.updatedAt()), e.link())));
            }
            return new Listing.Items(items, Map.of(url.toString(), fetched.validators()), 1);
        } catch (ArticleFormatException e) {
            return new Listing.Failed(e.getMessage(), 1);
        }
    }

    private Listing sitemap(URI url, Map<String, Validators> known) {
        SiteMapParser parser = new SiteMapParser(false);
        parser.enableExtension(Extension.NEWS);
        Map<String, Validators> validators = new HashMap<>(known);
        List<Listing.Item> items = new ArrayList<>();
        List<URI> pending = new ArrayList<>(List.of(url));
        int fetches = 0;
        boolean changed = false;
        for (int i = 0; i < pending.size() && i <= MAX_CHILD_SITEMAPS; i++) {
            URI current = pending.get(i);
            FetchResult result = fetcher.fetch(current, known.getOrDefault(current.toString(), Validators.NONE));
            fetches++;
            if (result instanceof FetchResult.NotModified) {
                if (i == 0) {
                    // an unchanged index: its children may still have changed; they are the other URLs remembered
                    known.keySet().stream().filter(u -> !u.equals(url.toString())).sorted().map(URI::create).forEach(pending::add);
                }
                continue;
            }
            if (!(result instanceof FetchResult.Fetched fetched)) {
                return new Listing.Failed((i == 0 ? "" : "child sitemap " + current + ": ") + reason(result), fetches);
            }
            AbstractSiteMap parsed;
            try {
                parsed = parser.parseSiteMap(fetched.contentType(), fetched.body(), fetched.uri().toURL());
            } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
                return new Listing.Failed((i == 0 ? "" : "child sitemap " + current + ": ") + "not a readable sitemap: "
                        + String.valueOf(e.getMessage()).replace('\n', ' '), fetches);
            }
            if (parsed instanceof SiteMapIndex index) {
                if (i > 0) {
                    continue; // an index inside an index is not followed
                }
                index.getSitemaps().forEach(child -> pending.add(URI.create(child.getUrl().toString())));
                // children no longer listed are forgotten with their validators
                Set<String> listed = new HashSet<>();
                pending.forEach(u -> listed.add(u.toString()));
                validators.keySet().retainAll(listed);
                validators.put(current.toString(), fetched.validators());
                continue;
            }
            changed = true;
            validators.put(current.toString(), fetched.validators());
            for (SiteMapURL entry : ((SiteMap) parsed).getSiteMapUrls()) {
                items.add(link(entry));
            }
        }
        return changed ? new Listing.Items(items, validators, fetches) : new Listing.Unchanged(fetches);
    }

    private static Listing.Link link(SiteMapURL entry) {
        String location = entry.getUrl().toString();
        String title = null;
        String language = null;
        OffsetDateTime date = entry.getLastModified() == null ? null
                : entry.getLastModified().toInstant().atOffset(ZoneOffset.UTC);
        ExtensionMetadata[] news = entry.getAttributesForExtension(Extension.NEWS);
        if (news != null && news.length > 0 && news[0] instanceof NewsAttributes attributes) {
            title = attributes.getTitle();
            language = attributes.getLanguage();
            if (attributes.getPublicationDateTime() != null) {
                date = attributes.getPublicationDateTime().toOffsetDateTime();
            }
        }
        return new Listing.Link(location, ArticleIds.fromContent(location), location, title, null, null, date,
                language, ArticleIds.fromContent(String.valueOf(entry.getLastModified()), title, String.valueOf(date)));
    }

    private Listing folder(SourceSpec spec) {
        List<Listing.Item> items = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        files.read(spec.path(), item -> {
            if (item instanceof SourceItem.Parsed parsed) {
                var article = parsed.article();
                items.add(new Listing.Parsed(article.id(), article, ArticleIds.fromContent(article.title(), article.body(),
                        article.author(), String.valueOf(article.publishedAt()))));
            } else if (item instanceof SourceItem.Failed failed) {
                failures.add(failed.message());
            }
        });
        if (items.isEmpty() && !failures.isEmpty()) {
            return new Listing.Failed(failures.get(0), 0);
        }
        return new Listing.Items(items, Map.of(), 0);
    }

    static String reason(FetchResult result) {
        if (result instanceof FetchResult.Failed failed) {
            return failed.reason() + " from " + failed.uri();
        }
        if (result instanceof FetchResult.Disallowed disallowed) {
            return "robots.txt disallows " + disallowed.uri();
        }
        return result instanceof FetchResult.NotModified ? "not modified" : "fetched";
    }
}
