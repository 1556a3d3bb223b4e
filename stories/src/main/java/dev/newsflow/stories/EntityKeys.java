package dev.newsflow.stories;

/**
 * Folds an entity key word to the consonant skeleton that stories compare, so that spellings of one name in
 * different transliterations meet: {@code mirziyoyev}, {@code mirzieev} and {@code mirziyoev} all become
 * {@code mrzv}; {@code samarqand} and {@code samarkand} {@code smrknd}; {@code tokayev} and {@code toqaev}
 * {@code tkv}; {@code buxoro} and {@code buhoro} {@code br}. Stateless and thread-safe.
 */
public final class EntityKeys {

    private EntityKeys() {
    }

    /**
     * The skeleton of one key word: digraphs of transliteration folded ({@code dzh}, {@code dz}, {@code dj} to
     * {@code j}; {@code zh} to {@code z}; {@code q}, {@code c} to {@code k}; {@code w} to {@code v}; {@code kh} and
     * {@code x}, the Uzbek and Russian х, to {@code h}), then vowels, {@code y}, {@code h}, apostrophes and a {@code j}
     * after a vowel (Russian й) dropped and doubled letters made single. A word whose skeleton has fewer than three
     * letters keeps its vowels instead ({@code ali}, {@code iran}), so that short names do not collide.
     *
     * @param word a lower-case ASCII word of a key
     * @return the skeleton, empty for an empty word
     */
    public static String skeleton(String word) {
        String folded = word.replace("kh", "h").replace("dzh", "j").replace("dz", "j").replace("dj", "j").replace("zh", "z")
                .replace('q', 'k').replace('c', 'k').replace('w', 'v').replace('x', 'h');
        StringBuilder consonants = new StringBuilder(folded.length());
        StringBuilder letters = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean afterVowel = i > 0 && "aeiouy".indexOf(folded.charAt(i - 1)) >= 0;
            if (c == '\'' || c == 'h' || (c == 'j' && afterVowel)) {
                continue;
            }
            appendSingle(letters, c);
            if ("aeiouy".indexOf(c) < 0) {
                appendSingle(consonants, c);
            }
        }
        return consonants.length() >= 3 ? consonants.toString() : letters.toString();
    }

    private static void appendSingle(StringBuilder out, char c) {
        if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
            out.append(c);
        }
    }
}
