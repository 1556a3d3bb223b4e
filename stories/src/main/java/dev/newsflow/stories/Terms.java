package dev.newsflow.stories;

/**
 * 64-bit hashes of stems and entity skeletons, the keys of every vector and of the inverted index. FNV-1a over the
 * UTF-16 units, then a SplitMix64 finalizer; a namespace keeps a stem and an entity skeleton of the same letters
 * apart. Deterministic across runs and JVMs (no seeds). Stateless and thread-safe.
 */
final class Terms {

    static final long STEM = 0x9E3779B97F4A7C15L;
    static final long ENTITY = 0xC2B2AE3D27D4EB4FL;
    static final long KEYWORD = 0x165667B19E3779F9L;

    private Terms() {
    }

    static long hash(long namespace, String text) {
        long h = 0xCBF29CE484222325L ^ namespace;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
