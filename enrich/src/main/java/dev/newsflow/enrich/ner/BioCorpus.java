package dev.newsflow.enrich.ner;

import dev.newsflow.events.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads IOB2 files ({@code token<TAB or SPACE>tag} a line, a blank line between sentences) into
 * {@link LabeledSentence}s, keeping only person, organization and location entities.
 *
 * <p>Tag names of the corpora in {@code /work/shared/data/ner} are mapped: {@code PER, PERSON} to person;
 * {@code ORG, ORGANISATION, ORGANIZATION} to organization; {@code LOC, LOCATION, GPE} to location; every
 * other type (dates, NORP, works of art...) becomes outside. {@code -DOCSTART-} lines are skipped.
 * Stateless and thread-safe.
 */
public final class BioCorpus {

    private BioCorpus() {
    }

    /**
     * Reads all sentences of one file.
     *
     * @throws IllegalArgumentException when the file is missing or a line is malformed (names file and line)
     */
    public static List<LabeledSentence> read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("NER corpus file not found: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NER corpus " + file, e);
        }
    }

    static List<LabeledSentence> read(BufferedReader reader, String name) throws IOException {
        List<LabeledSentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                flush(tokens, tags, sentences);
                continue;
            }
            int cut = Math.max(trimmed.lastIndexOf('\t'), trimmed.lastIndexOf(' '));
            if (cut <= 0) {
                throw new IllegalArgumentException(name + " line " + lineNumber + ": expected 'token<TAB>tag', was '" + line + "'");
            }
            String token = trimmed.substring(0, cut).strip();
            String tag = trimmed.substring(cut + 1).strip();
            if (token.startsWith("-DOCSTART-")) {
                continue;
            }
            if (token.contains(" ")) {
                token = token.replace(' ', '_');
            }
            tokens.add(token);
            tags.add(tag);
        }
        flush(tokens, tags, sentences);
        return sentences;
    }

    private static void flush(List<String> tokens, List<String> tags, List<LabeledSentence> out) {
        if (tokens.isEmpty()) {
            return;
        }
        out.add(new LabeledSentence(tokens, spans(tags)));
        tokens.clear();
        tags.clear();
    }

    /** Decodes IOB2 (and tolerates IOB1: an {@code I-} after outside or another type opens an entity). */
    static List<LabeledSentence.TokenSpan> spans(List<String> tags) {
        List<LabeledSentence.TokenSpan> spans = new ArrayList<>();
        int start = -1;
        EntityType open = null;
        String openRaw = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String prefix = tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(0, 1) : "O";
            String raw = "O".equals(prefix) ? null : tag.substring(2);
            boolean continues = "I".equals(prefix) && raw.equals(openRaw);
            if (!continues && openRaw != null) {
                if (open != null) {
                    spans.add(new LabeledSentence.TokenSpan(start, i, open));
                }
                openRaw = null;
                open = null;
            }
            if (raw != null && !continues) {
                start = i;
                openRaw = raw;
                open = mapType(raw).orElse(null);
            }
        }
        return spans;
    }

    /** The entity type of a corpus tag name, or empty when the type is not one we recognize. */
    public static Optional<EntityType> mapType(String raw) {
        return switch (raw.toUpperCase(Locale.ROOT)) {
            case "PER", "PERSON" -> Optional.of(EntityType.PERSON);
            case "ORG", "ORGANISATION", "ORGANIZATION" -> Optional.of(EntityType.ORGANIZATION);
            case "LOC", "LOCATION", "GPE" -> Optional.of(EntityType.LOCATION);
            default -> Optional.empty();
        };
    }
}
