package dev.newsflow.dedupe.bench;

import dev.newsflow.dedupe.bench.Corpus.Doc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The edits syndication partners make when they republish a story, applied to a document to derive a
 * reproduction that dedupe must call a near (or exact) duplicate. Deterministic for a given {@link Random}.
 */
final class SyndicationEdits {

    enum Kind { DATELINE, BYLINE_FOOTER, TRIM_END, WORD_EDITS, QUOTES_DASHES, HEADLINE, REORDER, COMBINED }

    private static final String[] CITIES = {"TASHKENT", "ALMATY", "BISHKEK", "LONDON", "NEW YORK", "BAKU"};
    private static final String[] FILLER = {"also", "reportedly", "meanwhile", "officially", "further", "nearly",
        "recently", "sources", "market", "official", "statement", "on", "the", "a", "its"};

    private SyndicationEdits() {}

    static Doc apply(Kind kind, Doc doc, String newId, Random random) {
        List<String> p = new ArrayList<>(doc.paragraphs());
        String title = doc.title();
        switch (kind) {
            case DATELINE -> p.set(0, CITIES[random.nextInt(CITIES.length)] + ", " + (1 + random.nextInt(28))
                    + " March (Agency) — " + p.get(0));
            case BYLINE_FOOTER -> {
                p.add(0, "By " + pick(random, "Aziza Karimova", "John Miller", "Oleg Petrov") + ", staff writer");
                p.add("(Reporting by " + pick(random, "Timur Sadykov", "Anna Lee", "Bekzod Rakhimov")
                        + "; editing by " + pick(random, "Maria Ivanova", "Paul Smith")
                        + ") Follow us on Telegram for more news. All rights reserved.");
            }
            case TRIM_END -> p = trimEnd(p, random);
            case WORD_EDITS -> p = editWords(p, random, 0.04);
            case QUOTES_DASHES -> {
                p.replaceAll(SyndicationEdits::typographic);
                title = typographic(title);
            }
            case HEADLINE -> title = rewriteHeadline(title, p.get(0), random);
            case REORDER -> p = reorder(p, random);
            case COMBINED -> {
                p.set(0, CITIES[random.nextInt(CITIES.length)] + " (Agency) — " + p.get(0));
                p = editWords(p, random, 0.02);
                p.add("Follow us on Telegram for more news. All rights reserved.");
                title = rewriteHeadline(title, p.get(0), random);
                p.replaceAll(SyndicationEdits::typographic);
            }
        }
        return new Doc(newId, title, p, doc.published(), doc.topics());
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    /** Drops the final paragraph, or the last quarter of the words when there is one paragraph. */
    private static List<String> trimEnd(List<String> p, Random random) {
        if (p.size() >= 3) {
            return new ArrayList<>(p.subList(0, p.size() - 1));
        }
        String all = String.join(" ", p);
        String[] words = all.split(" ");
        int keep = Math.max(1, (int) Math.round(words.length * (0.7 + 0.1 * random.nextDouble())));
        return new ArrayList<>(List.of(String.join(" ", java.util.Arrays.copyOf(words, keep))));
    }

    /** Replaces, deletes or inserts a word at about {@code rate} of the positions. */
    private static List<String> editWords(List<String> p, Random random, double rate) {
        List<String> out = new ArrayList<>();
        for (String paragraph : p) {
            StringBuilder sb = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                double r = random.nextDouble();
                if (r < rate / 3) {
                    continue; // deleted
                }
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                if (r < 2 * rate / 3) {
                    sb.append(FILLER[random.nextInt(FILLER.length)]); // replaced
                } else if (r < rate) {
                    sb.append(word).append(' ').append(FILLER[random.nextInt(FILLER.length)]); // inserted
                } else {
                    sb.append(word);
                }
            }
            out.add(sb.length() == 0 ? paragraph : sb.toString());
        }
        return out;
    }

    private static String typographic(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean open = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append(open ? '“' : '”');
                open = !open;
            } else if (c == '\'') {
                sb.append('’');
            } else {
                sb.append(c);
            }
        }
        return sb.toString().replace(" - ", " — ").replace("--", "–");
    }

    /** A new headline: part of the old one in a new order plus words from the lead. */
    private static String rewriteHeadline(String title, String lead, Random random) {
        List<String> words = new ArrayList<>(List.of(title.toLowerCase(Locale.ROOT).split("\\s+")));
        Collections.shuffle(words, random);
        List<String> kept = new ArrayList<>(words.subList(0, Math.max(1, words.size() / 2)));
        String[] leadWords = lead.split("\\s+");
        for (int i = 0; i < 3 && i < leadWords.length; i++) {
            kept.add(leadWords[random.nextInt(leadWords.length)]);
        }
        String rewritten = "UPDATE: " + String.join(" ", kept);
        return rewritten.isBlank() ? "Update" : rewritten;
    }

    private static List<String> reorder(List<String> p, Random random) {
        List<String> out = new ArrayList<>(p);
        if (out.size() >= 2) {
            // move the lead elsewhere and shuffle the rest, so the order surely changes
            String lead = out.remove(0);
            Collections.shuffle(out, random);
            out.add(1 + random.nextInt(out.size()), lead);
        }
        return out;
    }
}
