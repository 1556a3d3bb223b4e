package dev.newsflow.stories;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntHashSet;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.ObjectIntHashMap;
import com.carrotsearch.hppc.cursors.IntCursor;
import dev.newsflow.events.Article;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.Enrichment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongToDoubleFunction;

/**
 * The memory of the story grouping and the judge of each article: open stories, the inverted index that finds an
 * article's candidate stories, and the recent articles whose terms give every IDF.
 *
 * <p><b>Not thread-safe.</b> One owner (the stories stage's single active instance, or the offline command) calls
 * every method. Verdicts are deterministic: nothing depends on the wall clock, random seeds or hash-map iteration
 * order, so the same calls give the same verdicts, and an index restored from the changelog gives the verdicts the
 * original would have given.
 *
 * <p>How an article is judged ({@link #assign}):
 * <ol>
 *   <li>candidates: open stories indexed under the article's entity keys or its rarest terms (a key held by more
 *       than {@code stories.key.postings.max} stories is too common to say anything and is skipped), ranked by the
 *       IDF of the keys they share, the best {@code stories.candidates.max} kept: the cost of an article depends on
 *       how many stories share its rare keys, not on how many stories there are;</li>
 *   <li>each candidate is compared in full ({@link Similarity}) and scored as {@link StoriesConfig} describes;</li>
 *   <li>the best candidate whose score reaches the threshold (higher score, then earlier first seen, then smaller
 *       id) is the article's story; if none does, the article opens a story with id {@code s-<article id>}.</li>
 * </ol>
 * A duplicate ({@link #inherit}) joins its original's story as a reprint; one that arrives before its original was
 * assigned waits for it ({@link #hold}, {@link #releaseWaitingFor}, {@link #releaseOverdue}). Stories close after
 * {@code stories.quiet.period} without an article and articles are forgotten after {@code stories.article.window}
 * ({@link #expire}); call {@code expire(seenAt)} before each article, as the dedupe index is used.
 */
public final class StoryIndex {

    /** Smoothing of entity and place agreement, in IDF units: one shared name alone is about half agreement. */
    static final double NAME_SMOOTHING = 6.0;
    /**
     * Articles assumed seen before the first, in which no key occurred: a key the index has not met counts as rare,
     * and a young index (a fresh start, a test) does not take its first articles' words for common ones.
     */
    static final double BACKGROUND_ARTICLES = 1_000;
    /** Terms of an article that find candidates and that index its story. */
    static final int QUERY_TERMS = 12;
    static final int INDEXED_TERMS = 10;
    private static final double FIRST_DAY_HOURS = 24;
    private static final Comparator<StoryEntry> BY_LAST_SEEN =
            Comparator.comparing(StoryEntry::lastSeen).thenComparing(StoryEntry::storyId);
    private static final Comparator<ArticleEntry> BY_SEEN =
            Comparator.comparing(ArticleEntry::seenAt).thenComparing(ArticleEntry::articleId);
    private static final Comparator<WaitingDuplicate> BY_ARRIVAL =
            Comparator.comparing(WaitingDuplicate::arrivedAt).thenComparing(w -> w.article().id());

    private final StoriesConfig config;
    private final Featurizer featurizer;
    private final long quietMillis;
    private final long articleWindowMillis;
    private final double timeScaleHours;
    private final double shortWindowHours;

    private final Map<String, StoryEntry> stories = new HashMap<>();
    private final TreeSet<StoryEntry> storiesByLastSeen = new TreeSet<>(BY_LAST_SEEN);
    /** Each open story has a slot: postings and the candidate search count stories by slot, not by id. */
    private final ObjectIntHashMap<String> slots = new ObjectIntHashMap<>();
    private final IntArrayList freeSlots = new IntArrayList();
    private StoryEntry[] bySlot = new StoryEntry[1_024];
    private double[] hitWeights = new double[1_024];
    private int nextSlot;
    private final LongObjectHashMap<IntHashSet> postings = new LongObjectHashMap<>();
    private final Map<String, ArticleEntry> articles = new HashMap<>();
    private final TreeSet<ArticleEntry> articlesBySeen = new TreeSet<>(BY_SEEN);
    private final LongIntHashMap documentFrequency = new LongIntHashMap();
    private final LongToDoubleFunction idf = this::idf;
    private int countedArticles;
    private final Map<String, WaitingDuplicate> waiting = new HashMap<>();
    private final TreeSet<WaitingDuplicate> waitingByArrival = new TreeSet<>(BY_ARRIVAL);
    private final Map<String, TreeSet<WaitingDuplicate>> waitingByOriginal = new HashMap<>();

    /** An empty index keyed by the enrich stage's entity keys ({@link CanonicalEntityKeyer}). */
    public StoryIndex(StoriesConfig config) {
        this(config, new CanonicalEntityKeyer());
    }

    /** An empty index that keys entities with {@code keyer}. */
    public StoryIndex(StoriesConfig config, EntityKeyer keyer) {
        this.config = Objects.requireNonNull(config, "config");
        this.featurizer = new Featurizer(Objects.requireNonNull(keyer, "keyer"));
        this.quietMillis = config.quietPeriod().toMillis();
        this.articleWindowMillis = config.articleWindow().toMillis();
        this.timeScaleHours = config.timeScale().toMillis() / 3_600_000.0;
        this.shortWindowHours = config.shortWindow().toMillis() / 3_600_000.0;
    }

    public StoriesConfig config() {
        return config;
    }

    /** Open stories. */
    public int openStories() {
        return stories.size();
    }

    /** Articles remembered (within the article window). */
    public int rememberedArticles() {
        return articles.size();
    }

    /** Duplicates waiting for their original ({@link #hold}). */
    public int waitingDuplicates() {
        return waiting.size();
    }

    /** Whether the index remembers this article (it was given a story within the article window). */
    public boolean remembers(String articleId) {
        return articles.containsKey(articleId);
    }

    /** The open story with this id. */
    public Optional<StoryEntry> story(String storyId) {
        return Optional.ofNullable(stories.get(storyId));
    }

    /** The story of a remembered article (its story may have closed since). */
    public Optional<String> storyOf(String articleId) {
        ArticleEntry entry = articles.get(articleId);
        return entry == null ? Optional.empty() : Optional.of(entry.storyId());
    }

    /**
     * Gives {@code enriched} its story and remembers it.
     *
     * @param enriched the enriched article, not null
     * @param seenAt   when the pipeline first saw it (the record timestamp), not null
     * @return exactly one assignment, never null
     */
    public Assignment assign(EnrichedArticle enriched, Instant seenAt) {
        Objects.requireNonNull(enriched, "enriched");
        Objects.requireNonNull(seenAt, "seenAt");
        ArticleEntry known = articles.get(enriched.article().id());
        if (known != null) {
            return new Assignment.Known(known.storyId());
        }
        ArticleFeatures article = featurizer.features(enriched, seenAt);
        double textNorm = article.terms().norm(idf);
        double titleNorm = article.titleTerms().norm(idf);
        Similarity best = null;
        StoryEntry bestStory = null;
        Similarity bestJoinable = null;
        StoryEntry joinable = null;
        boolean shortArticle = article.terms().size() < config.shortTerms();
        for (StoryEntry story : candidates(article)) {
            Similarity similarity = compare(article, textNorm, titleNorm, story);
            if (best == null || better(similarity, story, best, bestStory)) {
                best = similarity;
                bestStory = story;
            }
            double threshold = similarity.crossLingual() ? config.crossLingualThreshold()
                    : shortArticle && storyAgeHours(story, article) <= shortWindowHours ? config.shortThreshold()
                    : config.joinThreshold();
            if (similarity.score() >= threshold
                    && (bestJoinable == null || better(similarity, story, bestJoinable, joinable))) {
                bestJoinable = similarity;
                joinable = story;
            }
        }
        if (joinable != null) {
            StoryEntry joined = withArticle(joinable, article);
            return new Assignment.Joined(joined, remember(article, joined.storyId()), bestJoinable);
        }
        StoryEntry opened = newStory(article);
        return new Assignment.Opened(opened, remember(article, opened.storyId()), best);
    }

    /**
     * Gives a duplicate its original's story, as a reprint. When the original is no longer remembered, or its story
     * has closed, the duplicate is judged on its own title and text like any article.
     *
     * @param duplicate  the duplicate article, not null
     * @param originalId the id of the original dedupe named, not null
     * @param seenAt     when the pipeline first saw the duplicate, not null
     */
    public Assignment inherit(Article duplicate, String originalId, Instant seenAt) {
        Objects.requireNonNull(duplicate, "duplicate");
        Objects.requireNonNull(originalId, "originalId");
        Objects.requireNonNull(seenAt, "seenAt");
        ArticleEntry known = articles.get(duplicate.id());
        if (known != null) {
            return new Assignment.Known(known.storyId());
        }
        ArticleEntry original = articles.get(originalId);
        StoryEntry story = original == null ? null : stories.get(original.storyId());
        if (story == null) {
            Enrichment unknown = new Enrichment(language(duplicate), null, 0, List.of(), List.of(), List.of(),
                    List.of(), null, 0, 0);
            return assign(new EnrichedArticle(duplicate, unknown, seenAt), seenAt);
        }
        StoryEntry updated = new StoryEntry(story.storyId(), story.headline(), min(story.firstSeen(), seenAt),
                max(story.lastSeen(), seenAt), story.articles() + 1, story.reprints() + 1, story.outlets(),
                story.languages(), story.topEntities(), story.countryCounts(), story.terms(), story.titleTerms(),
                story.entities(), story.places(), story.keywords(), story.indexKeysView());
        replace(story, updated);
        ArticleEntry entry = new ArticleEntry(duplicate.id(), story.storyId(), seenAt, new long[0]);
        addArticle(entry);
        return new Assignment.Inherited(updated, entry, originalId);
    }

    /**
     * Keeps a duplicate whose original the index does not remember yet until {@link #releaseWaitingFor} or
     * {@link #releaseOverdue} gives it its story; the same duplicate held again replaces the first.
     *
     * @return the waiting entry, for the changelog under {@link StoryChangelog#waitingKey}
     */
    public WaitingDuplicate hold(Article duplicate, String originalId, Instant seenAt, Instant arrivedAt) {
        WaitingDuplicate entry = new WaitingDuplicate(duplicate, originalId, seenAt, arrivedAt);
        unwait(duplicate.id());
        addWaiting(entry);
        return entry;
    }

    /** What became of a waiting duplicate: its assignment ({@link Assignment.Known} when it was a re-send). */
    public record Released(WaitingDuplicate duplicate, Assignment assignment) {
        public Released {
            Objects.requireNonNull(duplicate, "duplicate");
            Objects.requireNonNull(assignment, "assignment");
        }
    }

    /**
     * Gives the duplicates waiting for {@code originalId} their original's story, in the order they arrived; call
     * after the original was assigned.
     */
    public List<Released> releaseWaitingFor(String originalId) {
        TreeSet<WaitingDuplicate> due = waitingByOriginal.get(originalId);
        return due == null ? List.of() : release(new ArrayList<>(due));
    }

    /**
     * Gives the duplicates that arrived before {@code arrivedBefore} and still wait a story of their own: their
     * original is not coming (it was dead-lettered, or came before the index's memory), so each is judged on its
     * own text ({@link #inherit}), in the order they arrived.
     */
    public List<Released> releaseOverdue(Instant arrivedBefore) {
        List<WaitingDuplicate> due = new ArrayList<>();
        for (WaitingDuplicate entry : waitingByArrival) {
            if (!entry.arrivedAt().isBefore(arrivedBefore)) {
                break;
            }
            due.add(entry);
        }
        return release(due);
    }

    private List<Released> release(List<WaitingDuplicate> due) {
        List<Released> released = new ArrayList<>(due.size());
        for (WaitingDuplicate entry : due) {
            unwait(entry.article().id());
            released.add(new Released(entry, inherit(entry.article(), entry.originalId(), entry.seenAt())));
        }
        return released;
    }

    private void addWaiting(WaitingDuplicate entry) {
        waiting.put(entry.article().id(), entry);
        waitingByArrival.add(entry);
        waitingByOriginal.computeIfAbsent(entry.originalId(), id -> new TreeSet<>(BY_ARRIVAL)).add(entry);
    }

    private void unwait(String articleId) {
        WaitingDuplicate old = waiting.remove(articleId);
        if (old != null) {
            waitingByArrival.remove(old);
            TreeSet<WaitingDuplicate> siblings = waitingByOriginal.get(old.originalId());
            siblings.remove(old);
            if (siblings.isEmpty()) {
                waitingByOriginal.remove(old.originalId());
            }
        }
    }

    /**
     * Closes the stories quiet since {@code now - stories.quiet.period} and forgets the articles seen before
     * {@code now - stories.article.window}.
     *
     * @return the changelog keys to tombstone ({@link StoryChangelog}), stories first, each in time order
     */
    public List<String> expire(Instant now) {
        long storyCutoff = now.toEpochMilli() - quietMillis;
        List<String> gone = new ArrayList<>();
        while (!storiesByLastSeen.isEmpty() && storiesByLastSeen.first().lastSeen().toEpochMilli() < storyCutoff) {
            StoryEntry story = storiesByLastSeen.pollFirst();
            stories.remove(story.storyId());
            unlink(story);
            freeSlot(story);
            gone.add(StoryChangelog.storyKey(story.storyId()));
        }
        long articleCutoff = now.toEpochMilli() - articleWindowMillis;
        while (!articlesBySeen.isEmpty() && articlesBySeen.first().seenAt().toEpochMilli() < articleCutoff) {
            ArticleEntry article = articlesBySeen.pollFirst();
            articles.remove(article.articleId());
            uncount(article);
            gone.add(StoryChangelog.articleKey(article.articleId()));
        }
        return gone;
    }

    /**
     * Restores one changelog record (key from {@link StoryChangelog}); a null value forgets the entry. Records may
     * come in any order; an entry replaces an earlier value of its key.
     *
     * @throws IllegalArgumentException for a key that is not a stories changelog key, or a malformed value
     */
    public void restore(String key, byte[] value) {
        if (key.startsWith(StoryChangelog.STORY)) {
            String storyId = key.substring(StoryChangelog.STORY.length());
            StoryEntry old = stories.get(storyId);
            if (value == null) {
                if (old != null) {
                    stories.remove(storyId);
                    storiesByLastSeen.remove(old);
                    unlink(old);
                    freeSlot(old);
                }
                return;
            }
            StoryEntry story = StoryEntry.fromBytes(value);
            if (old == null) {
                stories.put(story.storyId(), story);
                storiesByLastSeen.add(story);
                takeSlot(story);
                link(story, story.indexKeysView());
            } else {
                replace(old, story);
            }
        } else if (key.startsWith(StoryChangelog.ARTICLE)) {
            ArticleEntry old = articles.remove(key.substring(StoryChangelog.ARTICLE.length()));
            if (old != null) {
                articlesBySeen.remove(old);
                uncount(old);
            }
            if (value != null) {
                addArticle(ArticleEntry.fromBytes(value));
            }
        } else if (key.startsWith(StoryChangelog.WAITING)) {
            unwait(key.substring(StoryChangelog.WAITING.length()));
            if (value != null) {
                addWaiting(WaitingDuplicate.fromBytes(value));
            }
        } else {
            throw new IllegalArgumentException("'" + key + "' is not a stories changelog key (story/..., article/... or waiting/...)");
        }
    }

    /** The open stories that share a usable key with the article, best first, at most the configured number. */
    private List<StoryEntry> candidates(ArticleFeatures article) {
        long cutoff = article.seenAt().toEpochMilli() - quietMillis;
        IntArrayList touched = new IntArrayList();
        for (long key : queryKeys(article)) {
            IntHashSet holders = postings.get(key);
            if (holders == null || holders.size() > config.maxKeyPostings()) {
                continue;
            }
            double weight = idf(key); // at least 1: a slot's weight is 0 only before its first hit
            for (IntCursor holder : holders) {
                if (hitWeights[holder.value] == 0) {
                    touched.add(holder.value);
                }
                hitWeights[holder.value] += weight;
            }
        }
        // the best few of often a thousand hits: a bounded heap whose head is the worst kept
        PriorityQueue<Hit> kept = new PriorityQueue<>(config.maxCandidates() + 1, Hit.BEST_FIRST.reversed());
        for (int i = 0; i < touched.size(); i++) {
            int slot = touched.get(i);
            StoryEntry story = bySlot[slot];
            if (story.lastSeen().toEpochMilli() >= cutoff) {
                kept.add(new Hit(story, hitWeights[slot]));
                if (kept.size() > config.maxCandidates()) {
                    kept.poll();
                }
            }
            hitWeights[slot] = 0;
        }
        List<Hit> ranked = new ArrayList<>(kept);
        ranked.sort(Hit.BEST_FIRST);
        List<StoryEntry> best = new ArrayList<>(ranked.size());
        ranked.forEach(hit -> best.add(hit.story()));
        return best;
    }

    /** A candidate story and the summed IDF of the keys it shares with the article. */
    private record Hit(StoryEntry story, double weight) {
        static final Comparator<Hit> BEST_FIRST = Comparator.comparingDouble((Hit h) -> -h.weight())
                .thenComparing(h -> h.story().storyId());
    }

    /** Entity keys, then the article's most distinctive terms: a fixed order, so sums are too. */
    private long[] queryKeys(ArticleFeatures article) {
        LinkedHashSet<Long> keys = new LinkedHashSet<>();
        for (int i = 0; i < article.entities().size(); i++) {
            keys.add(article.entities().key(i));
        }
        for (long term : distinctiveTerms(article.terms(), QUERY_TERMS)) {
            keys.add(term);
        }
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    /** The {@code limit} terms of highest weight x IDF, ties by smaller key. */
    private long[] distinctiveTerms(SparseVector terms, int limit) {
        Integer[] order = new Integer[terms.size()];
        double[] score = new double[terms.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            score[i] = terms.weight(i) * idf(terms.key(i));
        }
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a])
                : Long.compare(terms.key(a), terms.key(b)));
        long[] out = new long[Math.min(limit, order.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = terms.key(order[i]);
        }
        return out;
    }

    /** The article (whose IDF-weighted text and title norms are given) against one story. */
    Similarity compare(ArticleFeatures article, double textNorm, double titleNorm, StoryEntry story) {
        boolean crossLingual = !story.languages().contains(article.language());
        double text = crossLingual ? 0 : article.terms().cosine(textNorm, story.terms(), idf);
        double title = crossLingual ? 0 : article.titleTerms().cosine(titleNorm, story.titleTerms(), idf);
        double keywords = crossLingual ? 0 : article.keywords().containedIn(story.keywords(), key -> 1, 0);
        double entities = article.entities().containedIn(story.entities(), idf, NAME_SMOOTHING);
        double places = article.places().containedIn(story.places(), idf, NAME_SMOOTHING);
        double countries = article.countries().containedIn(story.countryVector(), key -> 1, 0);
        boolean conflict = article.places().size() > 0 && story.places().size() > 0
                && !article.places().intersects(story.places());
        double[] contributions = {
            text * config.weightText(), title * config.weightTitle(), entities * config.weightEntities(),
            places * config.weightPlaces(), countries * config.weightCountries(), keywords * config.weightKeywords()};
        Signal[] signals = {Signal.TEXT, Signal.TITLE, Signal.ENTITIES, Signal.PLACES, Signal.COUNTRIES, Signal.KEYWORDS};
        double raw = 0;
        int top = 0;
        for (int i = 0; i < contributions.length; i++) {
            raw += contributions[i];
            if (contributions[i] > contributions[top]) {
                top = i;
            }
        }
        if (crossLingual) {
            raw /= config.weightEntities() + config.weightPlaces() + config.weightCountries();
        }
        if (conflict) {
            raw *= 1 - config.placeConflictPenalty();
        }
        double hours = hoursBetween(story.lastSeen(), article.seenAt());
        // faded by the story's age, not by its last article: daily posts on one topic must not carry a story for weeks
        double score = raw * Math.exp(-Math.max(0, storyAgeHours(story, article) - FIRST_DAY_HOURS) / timeScaleHours);
        return new Similarity(text, title, entities, places, countries, keywords, conflict, crossLingual, hours,
                score, signals[top]);
    }

    private static double storyAgeHours(StoryEntry story, ArticleFeatures article) {
        return hoursBetween(story.firstSeen(), article.seenAt());
    }

    private static double hoursBetween(Instant a, Instant b) {
        return Math.abs(Duration.between(a, b).toMillis()) / 3_600_000.0;
    }

    private static boolean better(Similarity a, StoryEntry storyA, Similarity b, StoryEntry storyB) {
        if (a.score() != b.score()) {
            return a.score() > b.score();
        }
        if (!storyA.firstSeen().equals(storyB.firstSeen())) {
            return storyA.firstSeen().isBefore(storyB.firstSeen());
        }
        return storyA.storyId().compareTo(storyB.storyId()) < 0;
    }

    private StoryEntry newStory(ArticleFeatures article) {
        Map<String, Integer> outlets = Map.of(article.outlet(), 1);
        Map<String, Integer> countries = new TreeMap<>();
        article.countryCodes().forEach(code -> countries.merge(code, 1, Integer::sum));
        StoryEntry story = new StoryEntry("s-" + article.articleId(), article.title(), article.seenAt(),
                article.seenAt(), 1, 0, outlets, List.of(article.language()), topEntities(List.of(), article),
                countries, trim(article.terms(), StoryEntry.MAX_TERMS),
                trim(article.titleTerms(), StoryEntry.MAX_TITLE_TERMS), trim(article.entities(), StoryEntry.MAX_ENTITIES),
                trim(article.places(), StoryEntry.MAX_PLACES), trim(article.keywords(), StoryEntry.MAX_KEYWORDS),
                indexKeys(new long[0], article));
        stories.put(story.storyId(), story);
        storiesByLastSeen.add(story);
        takeSlot(story);
        link(story, story.indexKeysView());
        return story;
    }

    private StoryEntry withArticle(StoryEntry story, ArticleFeatures article) {
        Map<String, Integer> outlets = new TreeMap<>(story.outlets());
        if (outlets.containsKey(article.outlet()) || outlets.size() < StoryEntry.MAX_OUTLETS) {
            outlets.merge(article.outlet(), 1, Integer::sum);
        }
        Set<String> languages = new TreeSet<>(story.languages());
        languages.add(article.language());
        Map<String, Integer> countries = new TreeMap<>(story.countryCounts());
        article.countryCodes().forEach(code -> countries.merge(code, 1, Integer::sum));
        StoryEntry updated = new StoryEntry(story.storyId(), story.headline(), min(story.firstSeen(), article.seenAt()),
                max(story.lastSeen(), article.seenAt()), story.articles() + 1, story.reprints(), outlets, languages,
                topEntities(story.topEntities(), article), countries,
                story.terms().plus(article.terms(), 1, StoryEntry.MAX_TERMS),
                story.titleTerms().plus(article.titleTerms(), 1, StoryEntry.MAX_TITLE_TERMS),
                story.entities().plus(article.entities(), 1, StoryEntry.MAX_ENTITIES),
                story.places().plus(article.places(), 1, StoryEntry.MAX_PLACES),
                story.keywords().plus(article.keywords(), 1, StoryEntry.MAX_KEYWORDS),
                indexKeys(story.indexKeysView(), article));
        replace(story, updated);
        return updated;
    }

    /** The story's index keys with the article's entity keys and distinctive terms added, up to the cap. */
    private long[] indexKeys(long[] existing, ArticleFeatures article) {
        LinkedHashSet<Long> keys = new LinkedHashSet<>();
        for (long key : existing) {
            keys.add(key);
        }
        List<Long> added = new ArrayList<>();
        for (int i = 0; i < article.entities().size(); i++) {
            added.add(article.entities().key(i));
        }
        for (long term : distinctiveTerms(article.terms(), INDEXED_TERMS)) {
            added.add(term);
        }
        for (long key : added) {
            if (keys.size() >= StoryEntry.MAX_INDEX_KEYS) {
                break;
            }
            keys.add(key);
        }
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<EntityCount> topEntities(List<EntityCount> existing, ArticleFeatures article) {
        Map<String, EntityCount> merged = new HashMap<>();
        for (EntityCount e : existing) {
            merged.put(e.type() + "\u0000" + e.text(), e);
        }
        for (EntityCount e : article.topEntities()) {
            // under its canonical name: "Москве" in one article and "Москву" in another are one entity of the story
            EntityCount named = new EntityCount(e.name() != null ? e.name() : e.text(), e.type(), e.count());
            merged.merge(named.type() + "\u0000" + named.text(), named,
                    (a, b) -> new EntityCount(a.text(), a.type(), a.count() + b.count()));
        }
        List<EntityCount> top = new ArrayList<>(merged.values());
        top.sort(Comparator.comparingInt((EntityCount e) -> -e.count()).thenComparing(EntityCount::text)
                .thenComparing(EntityCount::type));
        return top.size() <= StoryEntry.MAX_TOP_ENTITIES ? top : top.subList(0, StoryEntry.MAX_TOP_ENTITIES);
    }

    private static SparseVector trim(SparseVector vector, int limit) {
        return vector.size() <= limit ? vector : vector.plus(SparseVector.EMPTY, 1, limit);
    }

    private ArticleEntry remember(ArticleFeatures article, String storyId) {
        ArticleEntry entry = new ArticleEntry(article.articleId(), storyId, article.seenAt(),
                SparseVector.union(article.terms(), article.entities()));
        addArticle(entry);
        return entry;
    }

    private void addArticle(ArticleEntry entry) {
        articles.put(entry.articleId(), entry);
        articlesBySeen.add(entry);
        long[] keys = entry.keysView();
        if (keys.length > 0) {
            countedArticles++;
            for (long key : keys) {
                documentFrequency.addTo(key, 1);
            }
        }
    }

    private void uncount(ArticleEntry entry) {
        long[] keys = entry.keysView();
        if (keys.length == 0) {
            return;
        }
        countedArticles--;
        for (long key : keys) {
            if (documentFrequency.addTo(key, -1) <= 0) {
                documentFrequency.remove(key);
            }
        }
    }

    /** {@code ln((N + background + 1) / (df + 1)) + 1} over the remembered articles. */
    double idf(long key) {
        return Math.log((countedArticles + BACKGROUND_ARTICLES + 1.0) / (documentFrequency.get(key) + 1.0)) + 1;
    }

    private void replace(StoryEntry old, StoryEntry updated) {
        storiesByLastSeen.remove(old);
        stories.put(updated.storyId(), updated);
        storiesByLastSeen.add(updated);
        bySlot[slots.get(updated.storyId())] = updated;
        relink(old, updated);
    }

    /** Moves the story's postings from the old entry's index keys to the updated one's (both sorted). */
    private void relink(StoryEntry old, StoryEntry updated) {
        long[] before = old.indexKeysView();
        long[] after = updated.indexKeysView();
        int i = 0;
        int j = 0;
        while (i < before.length || j < after.length) {
            if (j == after.length || (i < before.length && before[i] < after[j])) {
                unlink(slots.get(updated.storyId()), before[i++]);
            } else if (i == before.length || after[j] < before[i]) {
                link(slots.get(updated.storyId()), after[j++]);
            } else {
                i++;
                j++;
            }
        }
    }

    private void link(StoryEntry story, long[] keys) {
        int slot = slots.get(story.storyId());
        for (long key : keys) {
            link(slot, key);
        }
    }

    private void link(int slot, long key) {
        IntHashSet holders = postings.get(key);
        if (holders == null) {
            holders = new IntHashSet();
            postings.put(key, holders);
        }
        holders.add(slot);
    }

    private void unlink(StoryEntry story) {
        int slot = slots.get(story.storyId());
        for (long key : story.indexKeysView()) {
            unlink(slot, key);
        }
    }

    private void unlink(int slot, long key) {
        IntHashSet holders = postings.get(key);
        if (holders != null) {
            holders.remove(slot);
            if (holders.isEmpty()) {
                postings.remove(key);
            }
        }
    }

    private void takeSlot(StoryEntry story) {
        int slot = freeSlots.isEmpty() ? nextSlot++ : freeSlots.removeAt(freeSlots.size() - 1);
        if (slot == bySlot.length) {
            bySlot = Arrays.copyOf(bySlot, slot * 2);
            hitWeights = Arrays.copyOf(hitWeights, slot * 2);
        }
        slots.put(story.storyId(), slot);
        bySlot[slot] = story;
    }

    private void freeSlot(StoryEntry story) {
        int slot = slots.remove(story.storyId());
        bySlot[slot] = null;
        freeSlots.add(slot);
    }

    private static String language(Article article) {
        return article.language() == null ? "und" : article.language();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
