package dev.newsflow.dedupe;

import dev.newsflow.events.Article;
import dev.newsflow.events.DuplicateMethod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory of dedupe: every unique article seen within the window, and the judge of each new article.
 *
 * <p><b>Not thread-safe.</b> One owner (the dedupe stage's single active instance) calls every method; it gives
 * deterministic verdicts because nothing here depends on wall-clock time, hash seeds or iteration order:
 * the same sequence of {@code judge} / {@code restore} / {@code expire} calls yields the same verdicts.
 *
 * <p>How an article is judged ({@link #judge(Article, Instant)}):
 * <ol>
 *   <li>its id is indexed: with the same text, a re-send, duplicate of itself, exact, 1.0; with another text,
 *       an update (a corrected page): unique again, its entry replaced, its first-seen time kept;</li>
 *   <li>an indexed article within the window has the same exact fingerprint: exact, 1.0;</li>
 *   <li>LSH: indexed articles within the window sharing at least one band of the MinHash signature are
 *       candidates; each is confirmed by the estimated Jaccard ({@code dedupe.threshold.jaccard}) or, for a
 *       trimmed or extended copy, the estimated containment ({@code dedupe.threshold.containment}); the best
 *       confirmed candidate (highest similarity, then earliest first-seen, then smallest id) is the original:
 *       near;</li>
 *   <li>otherwise the article is unique and is remembered: {@link Verdict.Unique#entry()} is what the stage
 *       writes to the changelog under the article id.</li>
 * </ol>
 * Only unique articles are remembered, so {@code duplicateOf} always names a first-seen original. A
 * duplicate re-sent is judged again and again names its original, not itself.
 *
 * <p>Window: measured on the <em>first-seen time</em> that the caller passes (the stage passes the Kafka
 * record timestamp, which replays identically), not on {@code publishedAt}, which may be missing or wrong.
 * An article older than {@code seenAt - window} is never matched, whether or not {@link #expire(Instant)}
 * removed it yet; {@code expire} frees its memory and returns its id so the stage writes a tombstone. Entries
 * leave in the order they were inserted; an entry inserted after a younger one waits for that one.
 *
 * <p>Memory: per indexed article one signature byte per hash (128), about 5.5 bytes per LSH band in the band
 * tables (32 bands: ~180), the id string, and ~40 bytes of fixed columns: about 400 bytes with 36-character
 * ids (measured figure in the module README). Full shingle sets are not kept: confirmation uses the
 * signature's estimates, whose standard error is about {@code sqrt(J (1 - J) / hashes)}.
 */
public final class DedupeIndex {

    private static final Logger LOG = LoggerFactory.getLogger(DedupeIndex.class);
    private static final int INITIAL_CAPACITY = 1024;
    private static final long BAND_SALT = 0xA0761D6478BD642FL;

    private final DedupeConfig config;
    private final Sketcher sketcher;
    private final int hashes;
    private final int rows;
    private final long windowMillis;

    // One column per field, indexed by slot: no object per article.
    private String[] ids;
    private long[] fingerprints;
    private long[] firstSeenMillis;
    private int[] shingleCounts;
    private byte[] signatures;
    private int capacity;
    private int highWater;
    private int[] freeSlots;
    private int freeCount;
    // Slots in insertion order, a ring buffer: expiry pops from the head.
    private int[] insertionOrder;
    private int orderHead;
    private int size;

    private final SlotTable byId;
    private final SlotTable byFingerprint;
    private final SlotTable[] byBand;
    private long latestSeenMillis = Long.MIN_VALUE;
    // scratch space of candidateSlots, reused across calls (single owner)
    private int[] candidateBuffer = new int[64];
    private int candidateCount;

    /** An empty index that grows as needed. */
    public DedupeIndex(DedupeConfig config) {
        this(config, INITIAL_CAPACITY);
    }

    /**
     * An empty index sized for {@code expectedArticles} before it first grows: pass the changelog's record
     * count (or rate x window) so that a restore of a million entries does not rehash its tables repeatedly.
     */
    public DedupeIndex(DedupeConfig config, int expectedArticles) {
        this.config = Objects.requireNonNull(config, "config");
        if (expectedArticles < 0) {
            throw new IllegalArgumentException("expectedArticles must be >= 0, was " + expectedArticles);
        }
        this.sketcher = new Sketcher(config);
        this.hashes = config.hashes();
        this.rows = config.rows();
        this.windowMillis = config.window().toMillis();
        int expected = Math.max(INITIAL_CAPACITY, expectedArticles);
        allocate(expected);
        this.byId = new SlotTable(slot -> idKey(ids[slot]), expected);
        this.byFingerprint = new SlotTable(slot -> fingerprintKey(fingerprints[slot]), expected);
        this.byBand = new SlotTable[config.bands()];
        for (int b = 0; b < byBand.length; b++) {
            int band = b;
            byBand[b] = new SlotTable(slot -> bandKey(signatures, slot * hashes, band), expected);
        }
    }

    public DedupeConfig config() {
        return config;
    }

    /** Number of indexed (unique, not yet expired) articles. */
    public int size() {
        return size;
    }

    /** Whether {@code articleId} is indexed (until {@link #expire(Instant)} removes it). */
    public boolean contains(String articleId) {
        return slotOfId(articleId) >= 0;
    }

    /**
     * Judges {@code article}, first seen at {@code seenAt}, and remembers it when it is unique.
     *
     * @param article the article, not null
     * @param seenAt  when the pipeline first saw it (the raw record's timestamp), not null
     * @return exactly one verdict, never null
     */
    public Verdict judge(Article article, Instant seenAt) {
        Objects.requireNonNull(article, "article");
        long now = Objects.requireNonNull(seenAt, "seenAt").toEpochMilli();
        latestSeenMillis = Math.max(latestSeenMillis, now);
        ArticleSketch sketch = sketcher.sketch(article.fullText());
        int own = slotOfId(article.id());
        if (own >= 0) {
            return fingerprints[own] == sketch.fingerprint()
                    ? new Verdict.Duplicate(article.id(), 1.0, DuplicateMethod.EXACT) : update(own, article, sketch);
        }
        long cutoff = now - windowMillis;
        int exact = slotOfFingerprint(sketch.fingerprint(), cutoff);
        if (exact >= 0) {
            return new Verdict.Duplicate(ids[exact], 1.0, DuplicateMethod.EXACT);
        }
        Match near = bestNearMatch(sketch, cutoff);
        if (near != null) {
            return new Verdict.Duplicate(ids[near.slot], near.similarity, DuplicateMethod.NEAR);
        }
        IndexEntry entry = new IndexEntry(article.id(), sketch.fingerprint(), seenAt, config.shingleSize(),
                sketch.shingleCount(), sketch.signatureView());
        insert(entry);
        return new Verdict.Unique(entry);
    }

    /**
     * An indexed article sent again with another text (a corrected page): its entry takes the new sketch and keeps
     * its first-seen time, and it goes on as unique, so that it is enriched and stored again with its latest text.
     */
    private Verdict update(int slot, Article article, ArticleSketch sketch) {
        IndexEntry entry = new IndexEntry(article.id(), sketch.fingerprint(), Instant.ofEpochMilli(firstSeenMillis[slot]),
                config.shingleSize(), sketch.shingleCount(), sketch.signatureView());
        unlink(slot);
        write(slot, entry);
        link(slot);
        return new Verdict.Unique(entry);
    }

    /**
     * {@link #judge(Article, Instant)} with {@code seenAt} = the article's {@code publishedAt}, or the latest
     * time seen so far when it has none (the epoch before any). For tools and tests; the stage passes record
     * timestamps.
     */
    public Verdict judge(Article article) {
        Objects.requireNonNull(article, "article");
        Instant seenAt = article.publishedAt() != null ? article.publishedAt().toInstant()
                : latestSeenMillis == Long.MIN_VALUE ? Instant.EPOCH : Instant.ofEpochMilli(latestSeenMillis);
        return judge(article, seenAt);
    }

    /**
     * Remembers an entry read back from the changelog, as {@link #judge} did when it was unique. An entry for
     * an id already indexed replaces it (a compacted topic may still hold older values).
     *
     * @throws IllegalArgumentException when the entry was made with another shingle size or signature length
     */
    public void restore(IndexEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.shingleSize() != config.shingleSize()) {
            throw new IllegalArgumentException("index entry '" + entry.articleId() + "' was made with "
                    + DedupeConfig.SHINGLE_SIZE + "=" + entry.shingleSize() + " but this index uses "
                    + config.shingleSize() + ": rebuild the changelog or restore the old setting");
        }
        if (entry.signatureView().length != hashes) {
            throw new IllegalArgumentException("index entry '" + entry.articleId() + "' has "
                    + entry.signatureView().length + " hashes but this index uses " + DedupeConfig.HASHES + "="
                    + hashes + ": rebuild the changelog or restore the old setting");
        }
        latestSeenMillis = Math.max(latestSeenMillis, entry.firstSeen().toEpochMilli());
        int existing = slotOfId(entry.articleId());
        if (existing >= 0) {
            unlink(existing);
            write(existing, entry);
            link(existing);
        } else {
            insert(entry);
        }
    }

    /**
     * Forgets every article first seen before {@code now - window} (in insertion order, see the class doc).
     *
     * @return the ids forgotten, in the order removed: the stage writes a tombstone for each
     */
    public List<String> expire(Instant now) {
        long cutoff = Objects.requireNonNull(now, "now").toEpochMilli() - windowMillis;
        List<String> expired = new ArrayList<>();
        while (size > 0 && firstSeenMillis[insertionOrder[orderHead]] < cutoff) {
            int slot = insertionOrder[orderHead];
            orderHead = (orderHead + 1) % capacity;
            expired.add(ids[slot]);
            unlink(slot);
            ids[slot] = null;
            freeSlots[freeCount++] = slot;
            size--;
        }
        if (!expired.isEmpty()) {
            LOG.debug("expired {} articles first seen before {}; {} remain", expired.size(),
                    Instant.ofEpochMilli(cutoff), size);
        }
        return expired;
    }

    /**
     * Ids of the indexed articles within the window that share at least one LSH band with {@code article}
     * (before confirmation), sorted. For diagnostics and the candidate-recall benchmark; does not change the
     * index.
     */
    public List<String> candidates(Article article, Instant seenAt) {
        ArticleSketch sketch = sketcher.sketch(article.fullText());
        long cutoff = seenAt.toEpochMilli() - windowMillis;
        List<String> out = new ArrayList<>();
        for (int slot : candidateSlots(sketch.signatureView())) {
            if (firstSeenMillis[slot] >= cutoff) {
                out.add(ids[slot]);
            }
        }
        out.sort(null);
        return out;
    }

    private record Match(int slot, double similarity) {}

    private Match bestNearMatch(ArticleSketch sketch, long cutoff) {
        if (sketch.shingleCount() == 0) {
            return null;
        }
        byte[] signature = sketch.signatureView();
        Match best = null;
        for (int slot : candidateSlots(signature)) {
            if (firstSeenMillis[slot] < cutoff) {
                continue;
            }
            double similarity = confirm(signature, sketch.shingleCount(), slot);
            if (similarity > 0 && (best == null || better(slot, similarity, best))) {
                best = new Match(slot, similarity);
            }
        }
        return best;
    }

    /** The confirmed similarity of the article to the indexed slot, or 0 when it is not a near duplicate. */
    private double confirm(byte[] signature, int shingleCount, int slot) {
        double jaccard = Similarity.jaccard(signature, 0, signatures, slot * hashes, hashes);
        if (jaccard >= config.jaccardThreshold()) {
            return jaccard;
        }
        int other = shingleCounts[slot];
        if (Math.min(shingleCount, other) < config.containmentMinShingles()) {
            return 0;
        }
        double containment = Similarity.containment(jaccard, shingleCount, other);
        return containment >= config.containmentThreshold() ? containment : 0;
    }

    private boolean better(int slot, double similarity, Match best) {
        if (similarity != best.similarity) {
            return similarity > best.similarity;
        }
        if (firstSeenMillis[slot] != firstSeenMillis[best.slot]) {
            return firstSeenMillis[slot] < firstSeenMillis[best.slot];
        }
        return ids[slot].compareTo(ids[best.slot]) < 0;
    }

    /** Distinct slots sharing at least one band with {@code signature}, ascending (a fresh array). */
    private int[] candidateSlots(byte[] signature) {
        candidateCount = 0;
        for (int b = 0; b < byBand.length; b++) {
            byBand[b].forEach(bandKey(signature, 0, b), this::collectCandidate);
        }
        int[] slots = Arrays.copyOf(candidateBuffer, candidateCount);
        Arrays.sort(slots);
        int distinct = 0;
        for (int i = 0; i < slots.length; i++) {
            if (i == 0 || slots[i] != slots[i - 1]) {
                slots[distinct++] = slots[i];
            }
        }
        return Arrays.copyOf(slots, distinct);
    }

    private void collectCandidate(int slot) {
        if (candidateCount == candidateBuffer.length) {
            candidateBuffer = Arrays.copyOf(candidateBuffer, candidateCount * 2);
        }
        candidateBuffer[candidateCount++] = slot;
    }

    private int slotOfId(String articleId) {
        int[] found = {-1};
        byId.forEach(idKey(articleId), slot -> {
            if (articleId.equals(ids[slot])) {
                found[0] = slot;
            }
        });
        return found[0];
    }

    /** The earliest-seen slot within the window with this fingerprint, or -1. */
    private int slotOfFingerprint(long fingerprint, long cutoff) {
        int[] found = {-1};
        byFingerprint.forEach(fingerprintKey(fingerprint), slot -> {
            if (fingerprints[slot] == fingerprint && firstSeenMillis[slot] >= cutoff
                    && (found[0] < 0 || firstSeenMillis[slot] < firstSeenMillis[found[0]])) {
                found[0] = slot;
            }
        });
        return found[0];
    }

    private void insert(IndexEntry entry) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (highWater == capacity) {
                grow();
            }
            slot = highWater++;
        }
        write(slot, entry);
        link(slot);
        insertionOrder[(orderHead + size) % capacity] = slot;
        size++;
    }

    private void write(int slot, IndexEntry entry) {
        ids[slot] = entry.articleId();
        fingerprints[slot] = entry.fingerprint();
        firstSeenMillis[slot] = entry.firstSeen().toEpochMilli();
        shingleCounts[slot] = entry.shingleCount();
        System.arraycopy(entry.signatureView(), 0, signatures, slot * hashes, hashes);
    }

    private void link(int slot) {
        byId.add(slot);
        byFingerprint.add(slot);
        for (SlotTable band : byBand) {
            band.add(slot);
        }
    }

    /** Removes the slot from every table; its columns must still hold its values. */
    private void unlink(int slot) {
        byId.remove(slot);
        byFingerprint.remove(slot);
        for (SlotTable band : byBand) {
            band.remove(slot);
        }
    }

    private void allocate(int newCapacity) {
        ids = new String[newCapacity];
        fingerprints = new long[newCapacity];
        firstSeenMillis = new long[newCapacity];
        shingleCounts = new int[newCapacity];
        signatures = new byte[newCapacity * hashes];
        freeSlots = new int[newCapacity];
        insertionOrder = new int[newCapacity];
        capacity = newCapacity;
    }

    private void grow() {
        int newCapacity = capacity + capacity / 2;
        if ((long) newCapacity * hashes > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("dedupe index is full at " + size + " articles: shorten "
                    + DedupeConfig.WINDOW + " or lower " + DedupeConfig.HASHES);
        }
        int[] order = new int[newCapacity];
        for (int i = 0; i < size; i++) {
            order[i] = insertionOrder[(orderHead + i) % capacity];
        }
        ids = Arrays.copyOf(ids, newCapacity);
        fingerprints = Arrays.copyOf(fingerprints, newCapacity);
        firstSeenMillis = Arrays.copyOf(firstSeenMillis, newCapacity);
        shingleCounts = Arrays.copyOf(shingleCounts, newCapacity);
        signatures = Arrays.copyOf(signatures, newCapacity * hashes);
        freeSlots = Arrays.copyOf(freeSlots, newCapacity);
        insertionOrder = order;
        orderHead = 0;
        capacity = newCapacity;
    }

    private static int idKey(String id) {
        return (int) Sketcher.mix64(id.hashCode());
    }

    private static int fingerprintKey(long fingerprint) {
        return (int) (fingerprint ^ (fingerprint >>> 32)); // already SHA-256 bits
    }

    private int bandKey(byte[] signature, int from, int band) {
        long packed = 0;
        int start = from + band * rows;
        for (int i = 0; i < rows; i++) {
            packed = (packed << 8) | (signature[start + i] & 0xFF);
        }
        return (int) Sketcher.mix64(packed + (band + 1) * BAND_SALT);
    }
}
