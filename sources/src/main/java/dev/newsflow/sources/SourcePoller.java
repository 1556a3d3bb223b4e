package dev.newsflow.sources;

import dev.newsflow.events.Article;
import dev.newsflow.events.Extraction;
import dev.newsflow.events.InvalidEventException;
import dev.newsflow.producer.ArticleIds;
import dev.newsflow.producer.ArticlePublisher;
import dev.newsflow.sources.extract.ArticleExtractor;
import dev.newsflow.sources.extract.ExtractedArticle;
import dev.newsflow.sources.http.FetchResult;
import dev.newsflow.sources.http.PoliteFetcher;
import dev.newsflow.sources.http.Validators;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches many sources unattended. Each source is polled on its own jittered schedule by one of
 * {@code sources.threads} workers (never two polls of one source at once); its listing is read with a conditional
 * GET; each new item, or item whose listing entry changed, has its page fetched and its article extracted (when
 * {@code fullText}), and is published with the feed's text as fall-back ({@code extraction: feed}); an item whose
 * text changed is published again under the same id, as an update. What was published, the validators and the
 * next poll time go to the {@link SourceStateStore}, so a restart neither refetches nor republishes.
 *
 * <p>A failing source (timeout, HTTP error, broken feed, page over the size limit) backs off exponentially,
 * logging "attempt N of M", while the others go on; nothing a source does stops the poller.
 *
 * <p>Thread-safe: {@link #statuses()} may be called from any thread while sources are polled.
 */
public final class SourcePoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);
    /** Items no longer listed are forgotten this long after they were first published. */
    static final Duration ITEM_RETENTION = Duration.ofDays(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration MAX_FIRST_SPREAD = Duration.ofSeconds(5);

    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final SourcesConfig config;
    private final ArticlePublisher publisher;
    private final SourceStateStore store;
    private final Clock clock;
    private final PoliteFetcher fetcher;
    private final Listings listings;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private volatile boolean restored;
    private volatile boolean closed;

    /**
     * @param specs     the sources, names unique
     * @param publisher where articles go; not closed here
     * @param store     where state is kept; not closed here
     * @param registry  receives the per-source meters
     */
    public SourcePoller(List<SourceSpec> specs, SourcesConfig config, ArticlePublisher publisher, SourceStateStore store,
                        MeterRegistry registry, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetcher = new PoliteFetcher(config.fetchSettings(), clock);
        this.listings = new Listings(fetcher);
        for (SourceSpec spec : specs) {
            sources.put(spec.name(), new Source(spec, registry));
        }
        AtomicInteger worker = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.threads(), r -> daemon(r, "newsflow-source-" + worker.incrementAndGet()));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "newsflow-source-scheduler"));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Polls every source on its schedule from now on, the first time when its remembered next poll is due. */
    public void start() {
        restore();
        Instant now = clock.instant();
        for (Source source : sources.values()) {
            Instant due = source.state.nextPollAt();
            Duration wait = due == null || due.isBefore(now) ? Duration.ZERO : Duration.between(now, due);
            // a few seconds' spread at start so that a hundred sources do not all start in the same instant
            long spread = ThreadLocalRandom.current().nextLong(Math.min(source.spec.every().toMillis(), MAX_FIRST_SPREAD.toMillis()) + 1);
            schedule(source, wait.plusMillis(wait.isZero() ? spread : 0));
        }
        LOG.info("Polling {} sources with {} threads", sources.size(), config.threads());
    }

    /**
     * Polls every source once, now, whatever its schedule (several at a time), and waits for the articles to be
     * acknowledged: what {@code --exit-when-idle} and {@code ingest --once} do.
     */
    public Round pollOnce() throws InterruptedException {
        restore();
        List<Future<Outcome>> polls = new ArrayList<>();
        for (Source source : sources.values()) {
            polls.add(workers.submit(() -> pollAndReschedule(source, false)));
        }
        int published = 0;
        int updated = 0;
        List<String> failures = new ArrayList<>();
        for (Future<Outcome> poll : polls) {
            try {
                Outcome outcome = poll.get();
                published += outcome.published;
                updated += outcome.updated;
                if (outcome.failure != null) {
                    failures.add(outcome.failure);
                }
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(String.valueOf(e.getCause()));
            }
        }
        store.flush();
        return new Round(sources.size(), published, updated, failures);
    }

    /**
     * What one round of polls did. Immutable.
     *
     * @param sources   sources polled
     * @param published articles published (updates included)
     * @param updated   of those, items published again because their text changed
     * @param failures  one line per source whose poll failed: {@code name: reason}
     */
    public record Round(int sources, int published, int updated, List<String> failures) {
        public Round {
            failures = List.copyOf(failures);
        }

        /** {@code sources polled: 2, articles published: 5 (updates: 1), failures: 0}. */
        public String describe() {
            return "sources polled: " + sources + ", articles published: " + published + " (updates: " + updated
                    + "), failures: " + failures.size();
        }
    }

    /** Every source's health, in file order. */
    public List<SourceStatus> statuses() {
        Instant today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        List<SourceStatus> statuses = new ArrayList<>();
        for (Source source : sources.values()) {
            statuses.add(source.status(today));
        }
        return statuses;
    }

    private synchronized void restore() {
        if (restored) {
            return;
        }
        SourceStateStore.Snapshot snapshot = store.load();
        for (Source source : sources.values()) {
            source.state = snapshot.sources().getOrDefault(source.spec.name(), SourceState.NEW);
            source.items.putAll(snapshot.items().getOrDefault(source.spec.name(), Map.of()));
        }
        restored = true;
    }

    private void schedule(Source source, Duration delay) {
        if (closed) {
            return;
        }
        scheduler.schedule(() -> workers.submit(() -> pollAndReschedule(source, true)), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Polls {@code source}, records when it is due next, and (when scheduled) schedules that poll. */
    private Outcome pollAndReschedule(Source source, boolean scheduled) {
        Outcome outcome;
        synchronized (source) {
            source.polling = true;
            try {
                outcome = poll(source);
            } catch (RuntimeException e) {
                LOG.error("Source '{}': unexpected error", source.spec.name(), e);
                outcome = new Outcome(0, 0, "unexpected error: " + e);
            } finally {
                source.polling = false;
            }
            Duration next = outcome.failure == null ? succeeded(source) : failed(source, outcome.failure);
            store.putSource(source.spec.name(), source.state);
            if (scheduled) {
                schedule(source, next);
            }
        }
        return outcome.failure == null ? outcome
                : new Outcome(outcome.published, outcome.updated, source.spec.name() + ": " + outcome.failure);
    }

    private Duration succeeded(Source source) {
        SourceState old = source.state;
        if (old.failures() > 0) {
            LOG.info("Source '{}' recovered after {} failed polls", source.spec.name(), old.failures());
        }
        Duration next = jittered(source.spec.every());
        Instant now = clock.instant();
        source.state = new SourceState(source.pendingValidators != null ? source.pendingValidators : old.validators(),
                now.plus(next), now, old.lastFailureAt(), old.lastError(), 0);
        source.pendingValidators = null;
        source.lastSuccess.set(now);
        return next;
    }

    private Duration failed(Source source, String reason) {
        SourceState old = source.state;
        int failures = old.failures() + 1;
        int attempts = config.retryMaxAttempts();
        Duration max = config.duration(SourcesConfig.RETRY_MAX_BACKOFF);
        Duration backoff = config.duration(SourcesConfig.RETRY_INITIAL_BACKOFF).multipliedBy(1L << Math.min(failures - 1, 30));
        Duration next = backoff.compareTo(max) > 0 || backoff.isNegative() ? max : backoff;
        if (failures <= attempts) {
            LOG.warn("Source '{}' failed: {}; attempt {} of {}, next try in {}", source.spec.name(), reason, failures,
                    attempts, Durations.format(next));
        } else {
            LOG.warn("Source '{}' failed: {}; attempt {} of {} spent, trying every {} until it recovers",
                    source.spec.name(), reason, failures, attempts, Durations.format(max));
        }
        source.failures.increment();
        Instant now = clock.instant();
        source.state = new SourceState(old.validators(), now.plus(next), old.lastSuccessAt(), now, reason, failures);
        source.pendingValidators = null;
        return next;
    }

    private Duration jittered(Duration every) {
        double factor = 1 + config.jitter() * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Duration.ofMillis(Math.max(1, Math.round(every.toMillis() * factor)));
    }

    /** One poll of one source; the caller holds the source's lock. */
    private Outcome poll(Source source) {
        SourceSpec spec = source.spec;
        Listing listing = listings.read(spec, source.state.validators());
        int fetches = listing instanceof Listing.Items items ? items.fetches()
                : listing instanceof Listing.Unchanged unchanged ? unchanged.fetches() : ((Listing.Failed) listing).fetches();
        source.fetches.increment(fetches);
        if (listing instanceof Listing.Failed failed) {
            return new Outcome(0, 0, failed.reason());
        }
        if (listing instanceof Listing.Unchanged) {
            source.notModified.increment();
            return new Outcome(0, 0, null);
        }
        Listing.Items items = (Listing.Items) listing;
        source.pendingValidators = items.validators();
        Outcome outcome = publishChanged(source, items.items());
        forgetUnlisted(source, items.items());
        return outcome;
    }

    private Outcome publishChanged(Source source, List<Listing.Item> listed) {
        SourceSpec spec = source.spec;
        Instant now = clock.instant();
        List<Listing.Item> todo = new ArrayList<>();
        for (Listing.Item item : listed) {
            if (spec.maxAge() != null && item.date() != null && item.date().toInstant().isBefore(now.minus(spec.maxAge()))) {
                continue;
            }
            ItemState known = source.items.get(item.key());
            boolean settled = known != null && (known.hash() != null || known.pageAttempts() >= config.pageMaxAttempts());
            if (!settled || !known.stamp().equals(item.stamp())) {
                todo.add(item);
            }
        }
        if (todo.size() > 20) {
            LOG.info("Source '{}': {} new or changed items", spec.name(), todo.size());
        }
        List<CompletableFuture<Integer>> sends = new ArrayList<>();
        long lastProgress = System.nanoTime();
        for (int i = 0; i < todo.size() && !closed; i++) {
            sends.add(handle(source, todo.get(i)));
            if (System.nanoTime() - lastProgress > PROGRESS_EVERY.toNanos()) {
                LOG.info("Source '{}': {} of {} items read", spec.name(), i + 1, todo.size());
                lastProgress = System.nanoTime();
            }
        }
        publisher.flush();
        int published = 0;
        int updated = 0;
        for (CompletableFuture<Integer> send : sends) {
            int result = send.join();
            published += result > 0 ? 1 : 0;
            updated += result == 2 ? 1 : 0;
        }
        return new Outcome(published, updated, null);
    }

    /** Reads one item and publishes it when its text is new; the future gives 0 (nothing sent), 1 (new) or 2 (update). */
    private CompletableFuture<Integer> handle(Source source, Listing.Item item) {
        ItemState known = source.items.get(item.key());
        Built built = item instanceof Listing.Link link ? build(source, link) : new Built(((Listing.Parsed) item).article(), null);
        if (built.article == null) {
            int attempts = (known == null ? 0 : known.pageAttempts()) + 1;
            LOG.warn("Source '{}': item {} not published: {}{}", source.spec.name(), item.key(), built.problem,
                    attempts >= config.pageMaxAttempts() ? " (giving up on it)" : " (trying again at the next poll)");
            remember(source, item.key(), new ItemState(known == null ? null : known.id(), item.stamp(),
                    known == null ? null : known.hash(), known == null ? null : known.firstSeenAt(), attempts));
            return CompletableFuture.completedFuture(0);
        }
        Article article = built.article;
        String hash = ArticleIds.fromContent(article.title(), article.body());
        if (known != null && hash.equals(known.hash())) {
            remember(source, item.key(), new ItemState(known.id(), item.stamp(), hash, known.firstSeenAt(), 0));
            return CompletableFuture.completedFuture(0);
        }
        boolean update = known != null && known.hash() != null;
        return publisher.publish(article).handle((metadata, error) -> {
            if (error != null) {
                LOG.warn("Source '{}': article {} not published, trying again at the next poll: {}",
                        source.spec.name(), article.id(), error.toString());
                return 0;
            }
            Instant firstSeen = known != null && known.firstSeenAt() != null ? known.firstSeenAt() : clock.instant();
            remember(source, item.key(), new ItemState(article.id(), item.stamp(), hash, firstSeen, 0));
            (update ? source.updated : source.added).increment();
            return update ? 2 : 1;
        });
    }

    private void remember(Source source, String key, ItemState state) {
        source.items.put(key, state);
        store.putItem(source.spec.name(), key, state);
    }

    /** Items no longer listed and published long ago are forgotten, so state does not grow without end. */
    private void forgetUnlisted(Source source, List<Listing.Item> listed) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        listed.forEach(item -> keys.add(item.key()));
        Instant cutoff = clock.instant().minus(ITEM_RETENTION);
        for (var it = source.items.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            Instant first = entry.getValue().firstSeenAt();
            if (!keys.contains(entry.getKey()) && (first == null || first.isBefore(cutoff))) {
                it.remove();
                store.removeItem(source.spec.name(), entry.getKey());
            }
        }
    }

    /** The article of a feed entry or sitemap URL: the page's text when it gives at least the feed's. */
    private Built build(Source source, Listing.Link link) {
        SourceSpec spec = source.spec;
        ExtractedArticle page = null;
        URI pageUri = null;
        String pageProblem = null;
        if (spec.fullText() && link.link() != null) {
            FetchResult result;
            try {
                result = fetcher.fetch(URI.create(link.link()), Validators.NONE);
            } catch (IllegalArgumentException e) {
                result = new FetchResult.Failed(null, "invalid link '" + link.link() + "'");
            }
            source.fetches.increment();
            if (result instanceof FetchResult.Fetched fetched) {
                pageUri = fetched.uri();
                page = extractor.extract(fetched.text(), pageUri.toString());
                if (page.paragraphs().isEmpty()) {
                    pageProblem = "no article text found on the page";
                }
            } else {
                if (result instanceof FetchResult.Disallowed) {
                    source.disallowed.increment();
                }
                pageProblem = "page " + Listings.reason(result);
            }
        }
        String feedText = link.text();
        String pageText = page == null ? "" : page.text();
        String body;
        Extraction from = null;
        if (!pageText.isEmpty() && pageText.length() >= (feedText == null ? 0 : feedText.length())) {
            body = pageText;
            from = Extraction.PAGE;
        } else if (feedText != null) {
            body = feedText;
            if (spec.fullText()) {
                from = Extraction.FEED;
                source.fallbacks.increment();
                LOG.debug("Source '{}': {} keeps the feed's text: {}", spec.name(), link.link(),
                        pageProblem != null ? pageProblem : "the page gave less");
            }
        } else {
            return new Built(null, pageProblem != null ? pageProblem : "the listing gives no text and no page was read");
        }
        String title = first(link.title(), page == null ? null : page.title());
        if (title == null) {
            return new Built(null, "no title in the listing or on the page");
        }
        try {
            return new Built(new Article(link.id(), title, body,
                    first(page == null ? null : page.author(), link.author()),
                    first(page == null ? null : page.siteName(), spec.source()),
                    page != null && page.publishedAt() != null ? page.publishedAt() : link.date(),
                    first(page == null ? null : page.canonicalUrl(), pageUri == null ? null : pageUri.toString(), link.link()),
                    first(page == null ? null : page.language(), link.language(), spec.language()),
                    spec.location(), from), null);
        } catch (InvalidEventException e) {
            return new Built(null, e.getMessage());
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Stops scheduling, lets polls in progress end within a few seconds, and writes the state out. */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        fetcher.close();
        store.flush();
    }

    private record Outcome(int published, int updated, String failure) {
    }

    private record Built(Article article, String problem) {
    }

    /** One source at run time: its spec, remembered state and meters. Guarded by its own lock while polled. */
    private static final class Source {
        final SourceSpec spec;
        final Map<String, ItemState> items = new ConcurrentHashMap<>();
        volatile SourceState state = SourceState.NEW;
        volatile boolean polling;
        Map<String, Validators> pendingValidators;
        final Counter fetches;
        final Counter notModified;
        final Counter added;
        final Counter updated;
        final Counter failures;
        final Counter fallbacks;
        final Counter disallowed;
        final java.util.concurrent.atomic.AtomicReference<Instant> lastSuccess = new java.util.concurrent.atomic.AtomicReference<>();

        Source(SourceSpec spec, MeterRegistry registry) {
            this.spec = spec;
            String name = spec.name();
            fetches = counter(registry, "newsflow.sources.fetches", name, "HTTP requests for the listing and the pages");
            notModified = counter(registry, "newsflow.sources.not.modified", name, "polls answered 304 Not Modified");
            added = Counter.builder("newsflow.sources.items").tag("source", name).tag("change", "new")
                    .description("articles published").register(registry);
            updated = Counter.builder("newsflow.sources.items").tag("source", name).tag("change", "updated")
                    .description("articles published").register(registry);
            failures = counter(registry, "newsflow.sources.failures", name, "failed polls");
            fallbacks = counter(registry, "newsflow.sources.extraction.fallbacks", name,
                    "articles published with the feed's text because the page gave none or less");
            disallowed = counter(registry, "newsflow.sources.robots.disallowed", name, "pages robots.txt did not allow");
            Gauge.builder("newsflow.sources.last.success.timestamp", lastSuccess,
                            ref -> ref.get() == null ? Double.NaN : ref.get().toEpochMilli() / 1000.0)
                    .tag("source", name).baseUnit("seconds").description("when the source was last polled successfully")
                    .register(registry);
        }

        private static Counter counter(MeterRegistry registry, String meter, String source, String description) {
            return Counter.builder(meter).tag("source", source).description(description).register(registry);
        }

        SourceStatus status(Instant today) {
            SourceState s = state;
            long total = 0;
            long sinceToday = 0;
            for (ItemState item : items.values()) {
                if (item.hash() != null) {
                    total++;
                    if (item.firstSeenAt() != null && !item.firstSeenAt().isBefore(today)) {
                        sinceToday++;
                    }
                }
            }
            String health = s.failures() > 0 ? "failing" : s.lastSuccessAt() == null ? "pending" : "ok";
            return new SourceStatus(spec.name(), spec.kind().fileName(), spec.location(), health, s.lastSuccessAt(),
                    s.lastFailureAt(), s.lastError(), s.failures(), polling ? null : s.nextPollAt(), sinceToday, total);
        }
    }
}
