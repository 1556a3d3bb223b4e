package dev.newsflow.stories;

import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityType;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One story as the index knows it: what users see (headline, timeline, counts, outlets, languages, top entities,
 * countries) and what the next article is compared with (bounded centroids of its articles' vectors, the keys it
 * is indexed under). The value of its changelog record ({@link StoryChangelog#storyKey}); about 1-4 KB.
 * Immutable and thread-safe.
 */
public final class StoryEntry {

    /** Version of the wire format of {@link #toBytes()}; bump it when features or hashing change. */
    public static final byte FORMAT = 1;

    static final int MAX_TERMS = 120;
    static final int MAX_TITLE_TERMS = 48;
    static final int MAX_ENTITIES = 48;
    static final int MAX_PLACES = 24;
    static final int MAX_COUNTRIES = 12;
    static final int MAX_KEYWORDS = 32;
    static final int MAX_INDEX_KEYS = 256;
    static final int MAX_OUTLETS = 256;
    static final int MAX_TOP_ENTITIES = 12;

    private final String storyId;
    private final String headline;
    private final Instant firstSeen;
    private final Instant lastSeen;
    private final int articles;
    private final int reprints;
    private final SortedMap<String, Integer> outlets;
    private final SortedSet<String> languages;
    private final List<EntityCount> topEntities;
    private final SparseVector terms;
    private final SparseVector titleTerms;
    private final SparseVector entities;
    private final SparseVector places;
    private final SortedMap<String, Integer> countryCounts;
    private final SparseVector countries;
    private final SparseVector keywords;
    private final long[] indexKeys;

    StoryEntry(String storyId, String headline, Instant firstSeen, Instant lastSeen, int articles, int reprints,
               Map<String, Integer> outlets, Iterable<String> languages, List<EntityCount> topEntities,
               Map<String, Integer> countryCounts, SparseVector terms, SparseVector titleTerms,
               SparseVector entities, SparseVector places, SparseVector keywords, long[] indexKeys) {
        this.storyId = requireText("storyId", storyId);
        this.headline = Objects.requireNonNull(headline, "headline");
        this.firstSeen = Objects.requireNonNull(firstSeen, "firstSeen");
        this.lastSeen = Objects.requireNonNull(lastSeen, "lastSeen");
        if (articles < 1 || reprints < 0 || reprints > articles) {
            throw new IllegalArgumentException("story " + storyId + " has " + articles + " articles and " + reprints + " reprints");
        }
        this.articles = articles;
        this.reprints = reprints;
        this.outlets = Collections.unmodifiableSortedMap(new TreeMap<>(outlets));
        TreeSet<String> languageSet = new TreeSet<>();
        languages.forEach(languageSet::add);
        this.languages = Collections.unmodifiableSortedSet(languageSet);
        this.topEntities = List.copyOf(topEntities);
        this.terms = terms;
        this.titleTerms = titleTerms;
        this.entities = entities;
        this.places = places;
        this.countryCounts = Collections.unmodifiableSortedMap(new TreeMap<>(countryCounts));
        Map<Long, Integer> countryVector = new java.util.HashMap<>();
        countryCounts.forEach((code, n) -> countryVector.put(countryKey(code), n));
        this.countries = SparseVector.of(countryVector);
        this.keywords = keywords;
        long[] sorted = indexKeys.clone();
        Arrays.sort(sorted);
        this.indexKeys = sorted;
    }

    /** The story's id: {@code s-} and the id of the article that opened it. Never blank. */
    public String storyId() {
        return storyId;
    }

    /** The headline of the article that opened the story. */
    public String headline() {
        return headline;
    }

    /** When the first article was seen. */
    public Instant firstSeen() {
        return firstSeen;
    }

    /** When the latest article was seen; the quiet period runs from here. */
    public Instant lastSeen() {
        return lastSeen;
    }

    /** Articles in the story, reprints included; at least 1. */
    public int articles() {
        return articles;
    }

    /** Articles that are duplicates of another article (republished text). */
    public int reprints() {
        return reprints;
    }

    /** Original articles by outlet (source; {@code ""} for none), sorted by name. */
    public SortedMap<String, Integer> outlets() {
        return outlets;
    }

    /** Distinct outlets that published an original article of the story. */
    public int independentOutlets() {
        return outlets.size();
    }

    /** ISO 639-1 codes of the story's articles, sorted. */
    public SortedSet<String> languages() {
        return languages;
    }

    /** The most mentioned entities over the story's articles, most first. */
    public List<EntityCount> topEntities() {
        return topEntities;
    }

    /** ISO 3166-1 codes the story's articles name, most named first (ties by code). */
    public List<String> countries() {
        List<String> codes = new ArrayList<>(countryCounts.keySet());
        codes.sort((a, b) -> !countryCounts.get(a).equals(countryCounts.get(b))
                ? Integer.compare(countryCounts.get(b), countryCounts.get(a)) : a.compareTo(b));
        return codes;
    }

    SortedMap<String, Integer> countryCounts() {
        return countryCounts;
    }

    SparseVector countryVector() {
        return countries;
    }

    static long countryKey(String code) {
        return Terms.hash(Terms.ENTITY, "country:" + code);
    }

    SparseVector terms() {
        return terms;
    }

    SparseVector titleTerms() {
        return titleTerms;
    }

    SparseVector entities() {
        return entities;
    }

    SparseVector places() {
        return places;
    }

    SparseVector keywords() {
        return keywords;
    }

    long[] indexKeysView() {
        return indexKeys;
    }

    /** The compact changelog value. */
    public byte[] toBytes() {
        byte[] id = storyId.getBytes(StandardCharsets.UTF_8);
        byte[] title = headline.getBytes(StandardCharsets.UTF_8);
        List<byte[]> outletNames = new ArrayList<>();
        int size = 1 + 4 + id.length + 4 + title.length + 8 + 8 + 4 + 4 + 4;
        for (String outlet : outlets.keySet()) {
            byte[] name = outlet.getBytes(StandardCharsets.UTF_8);
            outletNames.add(name);
            size += 4 + name.length + 4;
        }
        List<byte[]> countryNames = new ArrayList<>();
        size += 4;
        for (String code : countryCounts.keySet()) {
            byte[] name = code.getBytes(StandardCharsets.UTF_8);
            countryNames.add(name);
            size += 4 + name.length + 4;
        }
        size += 4 + languages.size() * 20;
        List<byte[]> entityNames = new ArrayList<>();
        size += 4;
        for (EntityCount e : topEntities) {
            byte[] name = e.text().getBytes(StandardCharsets.UTF_8);
            entityNames.add(name);
            size += 4 + name.length + 1 + 4;
        }
        for (SparseVector v : vectors()) {
            size += v.byteSize();
        }
        size += 4 + indexKeys.length * 8;
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT);
        out.putInt(id.length).put(id).putInt(title.length).put(title);
        out.putLong(firstSeen.toEpochMilli()).putLong(lastSeen.toEpochMilli()).putInt(articles).putInt(reprints);
        out.putInt(outletNames.size());
        int i = 0;
        for (int count : outlets.values()) {
            byte[] name = outletNames.get(i++);
            out.putInt(name.length).put(name).putInt(count);
        }
        out.putInt(countryNames.size());
        i = 0;
        for (int count : countryCounts.values()) {
            byte[] name = countryNames.get(i++);
            out.putInt(name.length).put(name).putInt(count);
        }
        out.putInt(languages.size());
        for (String language : languages) {
            byte[] code = Arrays.copyOf(language.getBytes(StandardCharsets.UTF_8), 16);
            out.putInt(language.getBytes(StandardCharsets.UTF_8).length).put(code);
        }
        out.putInt(topEntities.size());
        for (int e = 0; e < topEntities.size(); e++) {
            byte[] name = entityNames.get(e);
            out.putInt(name.length).put(name).put((byte) topEntities.get(e).type().ordinal()).putInt(topEntities.get(e).count());
        }
        for (SparseVector v : vectors()) {
            v.writeTo(out);
        }
        out.putInt(indexKeys.length);
        for (long key : indexKeys) {
            out.putLong(key);
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    /**
     * Parses a changelog value written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException saying what is wrong when the bytes are not such a value
     */
    public static StoryEntry fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("story entry is empty");
        }
        if (bytes[0] != FORMAT) {
            throw new IllegalArgumentException("story entry has format version " + bytes[0] + ", this build reads " + FORMAT);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        try {
            String id = string(in);
            String headline = string(in);
            Instant firstSeen = Instant.ofEpochMilli(in.getLong());
            Instant lastSeen = Instant.ofEpochMilli(in.getLong());
            int articles = in.getInt();
            int reprints = in.getInt();
            Map<String, Integer> outlets = new TreeMap<>();
            for (int n = count(in); n > 0; n--) {
                outlets.put(string(in), in.getInt());
            }
            Map<String, Integer> countryCounts = new TreeMap<>();
            for (int n = count(in); n > 0; n--) {
                countryCounts.put(string(in), in.getInt());
            }
            List<String> languages = new ArrayList<>();
            for (int n = count(in); n > 0; n--) {
                int length = in.getInt();
                byte[] code = new byte[16];
                in.get(code);
                languages.add(new String(code, 0, Math.min(length, 16), StandardCharsets.UTF_8));
            }
            List<EntityCount> top = new ArrayList<>();
            for (int n = count(in); n > 0; n--) {
                String text = string(in);
                int type = in.get();
                if (type < 0 || type >= EntityType.values().length) {
                    throw new IllegalArgumentException("story entry has unknown entity type " + type);
                }
                top.add(new EntityCount(text, EntityType.values()[type], in.getInt()));
            }
            SparseVector terms = SparseVector.readFrom(in);
            SparseVector titleTerms = SparseVector.readFrom(in);
            SparseVector entities = SparseVector.readFrom(in);
            SparseVector places = SparseVector.readFrom(in);
            SparseVector keywords = SparseVector.readFrom(in);
            long[] keys = new long[count(in)];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = in.getLong();
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("story entry has " + in.remaining() + " unexpected trailing bytes");
            }
            return new StoryEntry(id, headline, firstSeen, lastSeen, articles, reprints, outlets, languages, top,
                    countryCounts, terms, titleTerms, entities, places, keywords, keys);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("story entry is truncated (" + bytes.length + " bytes)", e);
        }
    }

    private List<SparseVector> vectors() {
        return List.of(terms, titleTerms, entities, places, keywords);
    }

    static String string(ByteBuffer in) {
        int length = count(in);
        if (length > in.remaining()) {
            throw new IllegalArgumentException("text of " + length + " bytes does not fit the remaining " + in.remaining());
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static int count(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        return n;
    }

    private static String requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoryEntry s && Arrays.equals(toBytes(), s.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "StoryEntry[" + storyId + ", '" + headline + "', articles=" + articles + ", reprints=" + reprints
                + ", outlets=" + outlets.size() + ", languages=" + languages + ", " + firstSeen + ".." + lastSeen + "]";
    }
}
