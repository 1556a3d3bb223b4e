package dev.newsflow.enrich.ner;

import dev.newsflow.enrich.text.FeatureHashes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import opennlp.tools.util.StringUtil;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import opennlp.tools.util.featuregen.GeneratorFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The features an OpenNLP feature descriptor describes, as the {@link FeatureHashes#hash} of each feature name,
 * in the order OpenNLP's generators make them, without making the names. OpenNLP builds some sixty Strings a
 * token ({@code "p1" + "w=" + word}, {@code "pw,w=" + previous + "," + word}, ...) that the tagger only hashes;
 * here each token's word, lower-cased word and word class are hashed once a sentence and every feature is
 * composed from those parts ({@link FeatureHashes#concat}). The generators it knows (window, cache, token,
 * token class, prefix, suffix, bigram and trigram name, sentence, definition, word clusters, Russian morphology)
 * are composed so; any other runs as
 * OpenNLP's own, once per token, and its names are hashed. A token's features can also be had split: those each
 * word of its windows gives it, which depend on that word alone ({@link #wordFeatures}), and the rest
 * ({@link #otherFeatures}), so that a tagger can sum a word's weights once ({@link CrfTagger#tagWords}). One
 * instance per thread (it keeps the sentence).
 */
public final class HashedFeatures {
    private static final String OPENNLP = "opennlp.tools.util.featuregen.";
    private static final Part COMMA = Part.of(",");

    private final Generator root;
    private final Sentence sentence = new Sentence();
    private final Features out = new Features();
    // The top-level generators sorted by what their features depend on (wordFeatures, otherFeatures).
    private final List<WordAtOffset> windows = new ArrayList<>();
    private final List<Generator> ownWord = new ArrayList<>();
    private final List<Generator> others = new ArrayList<>();
    private final int windowReach;

    private HashedFeatures(Generator root) {
        this.root = root;
        int reach = 0;
        for (Generator generator : root instanceof Aggregate aggregate ? List.of(aggregate.generators()) : List.of(root)) {
            if (generator instanceof Window window && window.inner.dependsOnTokenAlone()) {
                windows.add(window);
                reach = Math.max(reach, Math.max(window.previous.length, window.next.length) - 1);
            } else if (generator instanceof Clusters clusters) {
                windows.add(clusters);
                reach = Math.max(reach, Clusters.REACH);
            } else if (generator.dependsOnTokenAlone()) {
                ownWord.add(generator);
            } else {
                others.add(generator);
            }
        }
        this.windowReach = reach;
    }

    /**
     * Compiles an OpenNLP feature descriptor (XML).
     *
     * @throws IllegalArgumentException when it is not a descriptor OpenNLP would read
     */
    public static HashedFeatures compile(byte[] descriptor) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(descriptor)).getDocumentElement();
            if (!"featureGenerators".equals(root.getTagName())) {
                throw new IllegalArgumentException("not an OpenNLP feature descriptor: root element <" + root.getTagName() + ">");
            }
            return new HashedFeatures(aggregate(children(root)));
        } catch (IOException | org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalArgumentException("unreadable feature descriptor: " + e.getMessage(), e);
        }
    }

    /** Per token of the sentence, the hashes of its features, in the order OpenNLP makes them (repeats kept). */
    public List<long[]> tokenFeatures(String[] tokens) {
        startSentence(tokens);
        List<long[]> features = new ArrayList<>(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            out.clear();
            root.emit(sentence, i, out);
            features.add(out.hashes());
        }
        return features;
    }

    /**
     * Begins a sentence for {@link #wordFeatures} and {@link #otherFeatures}, which split the features
     * {@link #tokenFeatures} makes for a token: those its windows take from one token each, which are the same
     * wherever that token's word stands, and the rest.
     */
    public void startSentence(String[] tokens) {
        sentence.reset(tokens);
        root.startSentence();
    }

    /** How far the windows reach on either side: {@link #wordFeatures} has offsets {@code -reach..reach}. */
    public int windowReach() {
        return windowReach;
    }

    /**
     * The features token {@code index} of the sentence makes for the token at {@code index - offset}: the windows'
     * features of it at that offset, and at offset 0 also those of the generators that read the token alone. They
     * depend on the token's word only. Together with {@link #otherFeatures}, over the offsets whose token is in
     * the sentence, they are the features {@link #tokenFeatures} makes, in another order.
     */
    public long[] wordFeatures(int index, int offset) {
        out.clear();
        for (WordAtOffset window : windows) {
            window.emitAt(sentence, index, offset, out);
        }
        if (offset == 0) {
            for (Generator generator : ownWord) {
                generator.emit(sentence, index, out);
            }
        }
        return out.hashes();
    }

    /** The features of token {@code index} that depend on more than one token's word, or on its place. */
    public long[] otherFeatures(int index) {
        out.clear();
        for (Generator generator : others) {
            generator.emit(sentence, index, out);
        }
        return out.hashes();
    }

    private static List<Element> children(Element element) {
        List<Element> generators = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && "generator".equals(child.getTagName())) {
                generators.add(child);
            }
        }
        return generators;
    }

    private static Generator aggregate(List<Element> elements) {
        List<Generator> generators = new ArrayList<>();
        for (Element element : elements) {
            generators.add(generator(element));
        }
        return generators.size() == 1 ? generators.get(0) : new Aggregate(generators.toArray(Generator[]::new));
    }

    private static Generator generator(Element element) {
        String type = element.getAttribute("class");
        List<Element> nested = children(element);
        return switch (type.startsWith(OPENNLP) ? type.substring(OPENNLP.length()) : type) {
            case "WindowFeatureGeneratorFactory" -> nested.isEmpty() ? new OpenNlp(element)
                    : new Window(aggregate(nested), integer(element, "prevLength", -1), integer(element, "nextLength", -1));
            case "CachedFeatureGeneratorFactory", "AggregatedFeatureGeneratorFactory" ->
                    nested.isEmpty() ? new OpenNlp(element) : aggregate(nested);
            case "TokenClassFeatureGeneratorFactory" -> new TokenClass(bool(element, "wordAndClass", true));
            case "TokenFeatureGeneratorFactory" -> new Token(bool(element, "lowercase", true));
            case "PrefixFeatureGeneratorFactory" -> new Prefix(integer(element, "length", 4));
            case "SuffixFeatureGeneratorFactory" -> new Suffix(integer(element, "length", 4));
            case "BigramNameFeatureGeneratorFactory" -> NameNgram.BIGRAM;
            case "TrigramNameFeatureGeneratorFactory" -> NameNgram.TRIGRAM;
            case "SentenceFeatureGeneratorFactory" -> new SentenceEdge(bool(element, "begin", true), bool(element, "end", true));
            case "DefinitionFeatureGeneratorFactory" -> new Constant(Part.of("def"));
            case "dev.newsflow.enrich.ner.MorphologyFeatureGeneratorFactory" -> new Morphology(
                    dev.newsflow.enrich.names.RussianMorphology.shared());
            case "dev.newsflow.enrich.ner.WordClusterFeatureGeneratorFactory" -> new Clusters(
                    WordClusterFeatureGeneratorFactory.clusters(string(element, "resource")),
                    java.util.Locale.forLanguageTag(string(element, "language")));
            case "TokenPatternFeatureGeneratorFactory" -> element.getElementsByTagName("*").getLength() == 0
                    ? new TokenPattern(new OpenNlp(element)) : new OpenNlp(element);
            default -> new OpenNlp(element);
        };
    }

    private static String parameter(Element element, String kind, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && kind.equals(child.getTagName()) && name.equals(child.getAttribute("name"))) {
                return child.getTextContent();
            }
        }
        return null;
    }

    private static String string(Element element, String name) {
        String value = parameter(element, "str", name);
        if (value == null) {
            throw new IllegalArgumentException("feature generator " + element.getAttribute("class") + " needs <str name=\"" + name + "\">");
        }
        return value.strip();
    }

    private static int integer(Element element, String name, int fallback) {
        String value = parameter(element, "int", name);
        if (value == null && fallback < 0) {
            throw new IllegalArgumentException("feature generator " + element.getAttribute("class") + " needs <int name=\"" + name + "\">");
        }
        return value == null ? fallback : Integer.parseInt(value.strip());
    }

    private static boolean bool(Element element, String name, boolean fallback) {
        String value = parameter(element, "bool", name);
        return value == null ? fallback : Boolean.parseBoolean(value.strip());
    }

    /** A constant piece of a feature name: its polynomial and length. */
    private record Part(long raw, int length) {
        static Part of(String text) {
            return new Part(FeatureHashes.raw(text), text.length());
        }
    }

    /** The tokens of one sentence with the parts of each that features are made of. */
    private static final class Sentence {
        String[] tokens = new String[0];
        long[] word = new long[0];
        int[] wordLength = new int[0];
        long[] lower = new long[0];
        int[] lowerLength = new int[0];
        long[] wordClass = new long[0];
        int[] wordClassLength = new int[0];

        void reset(String[] tokens) {
            this.tokens = tokens;
            int n = tokens.length;
            if (word.length < n) {
                word = new long[n];
                wordLength = new int[n];
                lower = new long[n];
                lowerLength = new int[n];
                wordClass = new long[n];
                wordClassLength = new int[n];
            }
            for (int i = 0; i < n; i++) {
                String token = tokens[i];
                word[i] = FeatureHashes.raw(token);
                wordLength[i] = token.length();
                String lowered = lowerCase(token);
                lower[i] = lowered == token ? word[i] : FeatureHashes.raw(lowered);
                lowerLength[i] = lowered.length();
                String tokenClass = FeatureGeneratorUtil.tokenFeature(token);
                wordClass[i] = FeatureHashes.raw(tokenClass);
                wordClassLength[i] = tokenClass.length();
            }
        }

        int size() {
            return tokens.length;
        }

        /** OpenNLP's {@code StringUtil.toLowerCase}: code point by code point; the token itself when unchanged. */
        private static String lowerCase(String token) {
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (Character.isSurrogate(c) || Character.toLowerCase((int) c) != c) {
                    int[] lowered = token.codePoints().map(Character::toLowerCase).toArray();
                    return new String(lowered, 0, lowered.length);
                }
            }
            return token;
        }
    }

    /** The features of one token being made: polynomials and lengths, composed part by part. */
    private static final class Features {
        private long[] raw = new long[64];
        private int[] length = new int[64];
        private int size;
        private long pendingRaw;
        private int pendingLength;

        void clear() {
            size = 0;
        }

        Features start(Part part) {
            pendingRaw = part.raw();
            pendingLength = part.length();
            return this;
        }

        Features then(long partRaw, int partLength) {
            pendingRaw = FeatureHashes.concat(pendingRaw, partRaw, partLength);
            pendingLength += partLength;
            return this;
        }

        Features then(Part part) {
            return then(part.raw(), part.length());
        }

        void add() {
            add(pendingRaw, pendingLength);
        }

        void add(long featureRaw, int featureLength) {
            if (size == raw.length) {
                raw = Arrays.copyOf(raw, size * 2);
                length = Arrays.copyOf(length, size * 2);
            }
            raw[size] = featureRaw;
            length[size++] = featureLength;
        }

        /** Puts {@code prefix} before every feature from index {@code from} on. */
        void prefix(int from, Part prefix) {
            for (int i = from; i < size; i++) {
                raw[i] = FeatureHashes.concat(prefix.raw(), raw[i], length[i]);
                length[i] += prefix.length();
            }
        }

        int size() {
            return size;
        }

        long[] hashes() {
            long[] hashes = new long[size];
            for (int i = 0; i < size; i++) {
                hashes[i] = FeatureHashes.finish(raw[i], length[i]);
            }
            return hashes;
        }
    }

    /** One OpenNLP generator, composed. */
    private interface Generator {
        /** A new sentence begins. */
        default void startSentence() {
        }

        /** Adds the features of token {@code index}, in OpenNLP's order. */
        void emit(Sentence sentence, int index, Features out);

        /** Whether its features of a token depend on that token's text alone (not on others, nor on its place). */
        default boolean dependsOnTokenAlone() {
            return false;
        }
    }

    private record Aggregate(Generator[] generators) implements Generator {
        @Override
        public void startSentence() {
            for (Generator generator : generators) {
                generator.startSentence();
            }
        }

        @Override
        public void emit(Sentence sentence, int index, Features out) {
            for (Generator generator : generators) {
                generator.emit(sentence, index, out);
            }
        }

        @Override
        public boolean dependsOnTokenAlone() {
            for (Generator generator : generators) {
                if (!generator.dependsOnTokenAlone()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code WindowFeatureGenerator}: the token's features, then those of earlier ones as "p1...", later "n1...". */
    /** {@link MorphologyFeatureGeneratorFactory}'s generator: what the dictionary says of the token, from its word alone. */
    private record Morphology(dev.newsflow.enrich.names.RussianMorphology morphology) implements Generator {
        @Override
        public boolean dependsOnTokenAlone() {
            return true;
        }

        @Override
        public void emit(Sentence sentence, int index, Features out) {
            for (String feature : morphology.features(sentence.tokens[index])) {
                out.add(FeatureHashes.raw(feature), feature.length());
            }
        }
    }

    /** A generator whose features of a token come each from one token of its window, and only from that token's word. */
    private interface WordAtOffset extends Generator {
        /** The features token {@code index} gives the token at {@code index - offset}, if it reaches that far. */
        void emitAt(Sentence sentence, int index, int offset, Features out);
    }

    /**
     * {@link WordClusterFeatureGeneratorFactory}'s generator: the clusters of the token and of its neighbours,
     * "cl" level "." offset "=" cluster, the neighbours' from their words alone (so a word's can be summed once).
     */
    private static final class Clusters implements WordAtOffset {
        static final int REACH = 1;
        private final Map<String, String[]> clusters;
        private final java.util.Locale locale;
        private final Part[][] prefixes; // [offset + REACH][level]

        Clusters(Map<String, String[]> clusters, java.util.Locale locale) {
            this.clusters = clusters;
            this.locale = locale;
            int levels = clusters.values().stream().mapToInt(l -> l.length).max().orElse(0);
            this.prefixes = new Part[2 * REACH + 1][levels];
            for (int offset = -REACH; offset <= REACH; offset++) {
                for (int level = 0; level < levels; level++) {
                    prefixes[offset + REACH][level] = Part.of("cl" + level + "." + offset + "=");
                }
            }
        }

        @Override
        public void emit(Sentence sentence, int index, Features out) {
            for (int offset = -REACH; offset <= REACH; offset++) {
                int at = index + offset;
                if (at >= 0 && at < sentence.size()) {
                    emitAt(sentence, at, offset, out);
                }
            }
        }

        @Override
        public void emitAt(Sentence sentence, int index, int offset, Features out) {
            if (offset < -REACH || offset > REACH) {
                return;
            }
            String[] levels = clusters.get(WordClusterFeatureGeneratorFactory.normalize(sentence.tokens[index], locale));
            for (int level = 0; levels != null && level < levels.length; level++) {
                out.start(prefixes[offset + REACH][level]).then(Part.of(levels[level])).add();
            }
        }
    }

    private static final class Window implements WordAtOffset {
        private final Generator inner;
        private final Part[] previous;
        private final Part[] next;

        Window(Generator inner, int previousLength, int nextLength) {
            this.inner = inner;
            this.previous = prefixes("p", previousLength);
            this.next = prefixes("n", nextLength);
        }

        private static Part[] prefixes(String side, int length) {
            Part[] prefixes = new Part[length + 1];
            for (int i = 1; i <= length; i++) {
                prefixes[i] = Part.of(side + i);
            }
            return prefixes;
        }

        @Override
        public void startSentence() {
            inner.startSentence();
        }

        @Override
        public void emit(Sentence sentence, int index, Features out) {
            emitAt(sentence, index, 0, out);
            for (int i = 1; i < previous.length && index - i >= 0; i++) {
                emitAt(sentence, index - i, -i, out);
            }
            for (int i = 1; i < next.length && index + i < sentence.size(); i++) {
                emitAt(sentence, index + i, i, out);
            }
        }

        @Override
        public void emitAt(Sentence sentence, int index, int offset, Features out) {
            if (offset == 0) {
                inner.emit(sentence, index, out);
            } else if (offset < 0 ? -offset < previous.length : offset < next.length) {
                int from = out.size();
                inner.emit(sentence, index, out);
                out.prefix(from, offset < 0 ? previous[-offset] : next[offset]);
            }
        }
    }

    /** {@code TokenClassFeatureGenerator}: "wc=" class, and "w&c=" lower-cased word "," class. */
    private record TokenClass(boolean wordAndClass) implements Generator {
        private static final Part CLASS = Part.of("wc=");
        private static final Part WORD_AND_CLASS = Part.of("w&c=");

        @Override
        public boolean dependsOnTokenAlone() {
            return true;
        }

        @Override
        public void emit(Sentence s, int i, Features out) {
            out.start(CLASS).then(s.wordClass[i], s.wordClassLength[i]).add();
            if (wordAndClass) {
                out.start(WORD_AND_CLASS).then(s.lower[i], s.lowerLength[i]).then(COMMA)
                        .then(s.wordClass[i], s.wordClassLength[i]).add();
            }
        }
    }

    /** {@code TokenFeatureGenerator}: "w=" word, lower-cased or not. */
    private record Token(boolean lowercase) implements Generator {
        private static final Part WORD = Part.of("w=");

        @Override
        public boolean dependsOnTokenAlone() {
            return true;
        }

        @Override
        public void emit(Sentence s, int i, Features out) {
            if (lowercase) {
                out.start(WORD).then(s.lower[i], s.lowerLength[i]).add();
            } else {
                out.start(WORD).then(s.word[i], s.wordLength[i]).add();
            }
        }
    }

    /**
     * {@code TokenPatternFeatureGenerator}: a token that OpenNLP's {@code SimpleTokenizer} leaves whole, as nearly
     * every word is, gives the one feature "st=" and its lower case; the others (U.S., 10-12, e-mail) go to
     * OpenNLP's generator, which cuts them up and describes the parts.
     */
    private record TokenPattern(OpenNlp parts) implements Generator {
        private static final Part SUB_TOKEN = Part.of("st=");
        private static final int LETTER = 0;
        private static final int DIGIT = 1;
        private static final int OTHER = 2;

        @Override
        public void startSentence() {
            parts.startSentence();
        }

        @Override
        public boolean dependsOnTokenAlone() {
            return true;
        }

        @Override
        public void emit(Sentence s, int i, Features out) {
            if (isOneSimpleToken(s.tokens[i])) {
                out.start(SUB_TOKEN).then(s.lower[i], s.lowerLength[i]).add();
            } else {
                parts.emit(s, i, out);
            }
        }

        /**
         * Whether {@code SimpleTokenizer} makes one token of the whole of {@code token}: no white space, and
         * every character of one class, letters ({@code Character.isAlphabetic}), digits, or one same other
         * character repeated.
         */
        static boolean isOneSimpleToken(String token) {
            if (token.isEmpty()) {
                return false;
            }
            int kind = kind(token.charAt(0));
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (StringUtil.isWhitespace(c) || kind(c) != kind || kind == OTHER && c != token.charAt(0)) {
                    return false;
                }
            }
            return true;
        }

        private static int kind(char c) {
            return Character.isAlphabetic(c) ? LETTER : Character.isDigit(c) ? DIGIT : OTHER;
        }
    }

    /** {@code PrefixFeatureGenerator}: "pre=" and the word's first 1, 2, ... characters. */
    private record Prefix(int length) implements Generator {
        private static final Part PRE = Part.of("pre=");

        @Override
        public boolean dependsOnTokenAlone() {
            return true;
        }

        @Override
        public void emit(Sentence s, int i, Features out) {
            String token = s.tokens[i];
            long raw = 0;
            for (int k = 0; k < Math.min(length, token.length()); k++) {
                raw = FeatureHashes.append(raw, token.charAt(k));
                out.start(PRE).then(raw, k + 1).add();
            }
        }
    }

    /** {@code SuffixFeatureGenerator}: "suf=" and the word's last 1, 2, ... characters. */
    private record Suffix(int length) implements Generator {
        private static final Part SUF = Part.of("suf=");

        @Override
        public boolean dependsOnTokenAlone() {
            return true;
        }

        @Override
        public void emit(Sentence s, int i, Features out) {
            String token = s.tokens[i];
            long raw = 0;
            for (int k = 1; k <= Math.min(length, token.length()); k++) {
                raw = FeatureHashes.prepend(token.charAt(token.length() - k), raw, k - 1);
                out.start(SUF).then(raw, k).add();
            }
        }
    }

    /**
     * {@code BigramNameFeatureGenerator} (span 1) and {@code TrigramNameFeatureGenerator} (span 2): the words, and
     * their classes, from {@code span} tokens before up to the token, and from the token to {@code span} after.
     */
    private record NameNgram(int span, Part previousWords, Part previousClasses, Part nextWords, Part nextClasses)
            implements Generator {
        static final NameNgram BIGRAM = new NameNgram(1, Part.of("pw,w="), Part.of("pwc,wc="), Part.of("w,nw="), Part.of("wc,nc="));
        static final NameNgram TRIGRAM = new NameNgram(2, Part.of("ppw,pw,w="), Part.of("ppwc,pwc,wc="), Part.of("w,nw,nnw="),
                Part.of("wc,nwc,nnwc="));

        @Override
        public void emit(Sentence s, int i, Features out) {
            if (i >= span) {
                words(s, out.start(previousWords), i - span, i).add();
                classes(s, out.start(previousClasses), i - span, i).add();
            }
            if (i + span < s.size()) {
                words(s, out.start(nextWords), i, i + span).add();
                classes(s, out.start(nextClasses), i, i + span).add();
            }
        }
    }

    /** The words {@code from..to}, joined by commas, after what {@code out} has started. */
    private static Features words(Sentence s, Features out, int from, int to) {
        return joined(out, s.word, s.wordLength, from, to);
    }

    /** The word classes {@code from..to}, joined by commas, after what {@code out} has started. */
    private static Features classes(Sentence s, Features out, int from, int to) {
        return joined(out, s.wordClass, s.wordClassLength, from, to);
    }

    private static Features joined(Features out, long[] raws, int[] lengths, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (k > from) {
                out.then(COMMA);
            }
            out.then(raws[k], lengths[k]);
        }
        return out;
    }

    /** {@code SentenceFeatureGenerator}: "S=begin" on the first token, "S=end" on the last. */
    private record SentenceEdge(boolean begin, boolean end) implements Generator {
        private static final Part BEGIN = Part.of("S=begin");
        private static final Part END = Part.of("S=end");

        @Override
        public void emit(Sentence s, int i, Features out) {
            if (begin && i == 0) {
                out.add(BEGIN.raw(), BEGIN.length());
            }
            if (end && i == s.size() - 1) {
                out.add(END.raw(), END.length());
            }
        }
    }

    /** The same feature on every token ({@code OutcomePriorFeatureGenerator}: "def"). */
    private record Constant(Part feature) implements Generator {
        @Override
        public boolean dependsOnTokenAlone() {
            return true;
        }

        @Override
        public void emit(Sentence s, int i, Features out) {
            out.add(feature.raw(), feature.length());
        }
    }

    /** Any other generator: OpenNLP's own, its names hashed; each token's once a sentence. */
    private static final class OpenNlp implements Generator {
        private final AdaptiveFeatureGenerator generator;
        private final List<String> names = new ArrayList<>();
        private long[][] raws = new long[0][];
        private int[][] lengths = new int[0][];

        OpenNlp(Element element) {
            this.generator = CrfEntityRecognizer.generator(alone(element));
        }

        /** The element as the only generator of a descriptor of its own. */
        private static byte[] alone(Element element) {
            try {
                Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
                Element root = document.createElement("featureGenerators");
                root.appendChild(document.importNode(element, true));
                document.appendChild(root);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                var transformer = TransformerFactory.newInstance().newTransformer();
                transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                transformer.transform(new DOMSource(document), new StreamResult(bytes));
                return bytes.toByteArray();
            } catch (javax.xml.parsers.ParserConfigurationException | javax.xml.transform.TransformerException e) {
                throw new UncheckedIOException(new IOException("cannot copy feature generator " + element.getAttribute("class"), e));
            }
        }

        @Override
        public void startSentence() {
            generator.clearAdaptiveData();
            Arrays.fill(raws, null);
        }

        @Override
        public void emit(Sentence s, int i, Features out) {
            if (raws.length < s.size()) {
                raws = new long[s.size()][];
                lengths = new int[s.size()][];
            }
            if (raws[i] == null) {
                names.clear();
                generator.createFeatures(names, s.tokens, i, null);
                raws[i] = new long[names.size()];
                lengths[i] = new int[names.size()];
                for (int k = 0; k < names.size(); k++) {
                    raws[i][k] = FeatureHashes.raw(names.get(k));
                    lengths[i][k] = names.get(k).length();
                }
            }
            for (int k = 0; k < raws[i].length; k++) {
                out.add(raws[i][k], lengths[i][k]);
            }
        }
    }
}
