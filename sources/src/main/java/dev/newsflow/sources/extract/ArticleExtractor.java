package dev.newsflow.sources.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Finds the article in a web page, in the manner of Mozilla's Readability: scripts, styles, hidden parts and
 * elements whose class or id says navigation, comments, ads, sharing, cookie banners or related links are
 * dropped; every paragraph scores its ancestors by its length and commas; the best-scoring container,
 * discounted by the share of its text inside links, is the article, joined by siblings that score or read like
 * prose; then tables, lists and boxes inside it that look like link lists or furniture are removed. When that
 * leaves less than {@value #MIN_TEXT} characters, the page is read again with fewer rules and the longest
 * result is kept. Metadata comes from {@link PageMetadata}.
 *
 * <p>Stateless and thread-safe; each call parses its own document.
 */
public final class ArticleExtractor {
    /** Below this many characters a pass is taken as having missed the article (Readability's threshold too). */
    static final int MIN_TEXT = 500;
    private static final int MIN_PARAGRAPH = 25;
    private static final double LATER_PASS_GAIN = 1.2;
    private static final int TOP_CANDIDATES = 5;
    private static final int CLOSE_RIVALS = 3;

    private static final Pattern UNLIKELY = Pattern.compile("-ad-|ai2html|banner|breadcrumb|combx|comment|community"
            + "|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar"
            + "|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|cookie"
            + "|consent|newsletter|subscribe|share|sharing|promo|outbrain|taboola|recommend", Pattern.CASE_INSENSITIVE);
    /** Never article text, whatever the pass: consent and cookie banners, sign-up boxes, paywall notices. */
    private static final Pattern ALWAYS_JUNK = Pattern.compile("cookie|consent|gdpr|paywall|newsletter-signup",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE = Pattern.compile("and|article|body|column|content|main|mathjax|shadow",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile("article|body|content|entry|hentry|h-entry|main|page"
            + "|pagination|post|text|blog|story", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment"
            + "|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar"
            + "|skyscraper|sponsor|shopping|tags|tool|widget|cookie|newsletter", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE = Pattern.compile("byline|author|dateline|writtenby|p-author", Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—\\\\/>»·]\\s+");

    private static final Set<String> JUNK_TAGS = Set.of("script", "style", "noscript", "template", "iframe", "svg",
            "canvas", "button", "input", "select", "textarea", "object", "embed", "link", "meta", "nav", "aside",
            "footer", "dialog", "math");
    private static final Set<String> JUNK_ROLES = Set.of("navigation", "banner", "complementary", "contentinfo",
            "dialog", "alertdialog", "menu", "menubar", "search");
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "div", "dl",
            "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td",
            "th", "ul", "br", "caption", "details", "summary");
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "blockquote");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "td", "blockquote",
            "pre", "body", "form", "span", "font", "center");

    /** Which rules a pass applies; each later pass drops one, as Readability does when it finds too little. */
    private record Rules(boolean stripUnlikely, boolean weighClasses, boolean cleanConditionally) {
    }

    private static final List<Rules> PASSES = List.of(
            new Rules(true, true, true), new Rules(false, true, true), new Rules(false, false, true),
            new Rules(false, false, false));

    /**
     * Extracts the article of the page in {@code html}.
     *
     * @param html    the page, decoded
     * @param pageUrl the page's address, for resolving relative links (may be empty)
     * @return what was found; {@link ExtractedArticle#paragraphs()} is empty when nothing was
     */
    public ExtractedArticle extract(String html, String pageUrl) {
        Document original = Jsoup.parse(html, pageUrl == null ? "" : pageUrl);
        PageMetadata meta = PageMetadata.read(original);
        String title = withoutSiteName(meta.title() != null ? meta.title() : documentTitle(original), meta.siteName());
        String byline = meta.author() != null ? meta.author() : domByline(original);
        List<String> best = List.of();
        for (int pass = 0; pass < PASSES.size(); pass++) {
            Document doc = pass == 0 ? original : Jsoup.parse(html, pageUrl == null ? "" : pageUrl);
            List<String> paragraphs = new Pass(PASSES.get(pass)).run(doc, title);
            // a pass with fewer rules lets more furniture in: it must find clearly more to be taken
            if (length(paragraphs) > length(best) * LATER_PASS_GAIN) {
                best = paragraphs;
            }
            if (length(best) >= MIN_TEXT) {
                break;
            }
        }
        return new ExtractedArticle(title, best, byline, meta.publishedAt(), meta.language(), meta.canonicalUrl(),
                meta.siteName());
    }

    /** {@code How to Build a Terrarium | eHow} with site name {@code eHow} is {@code How to Build a Terrarium}. */
    static String withoutSiteName(String title, String siteName) {
        if (title == null || siteName == null) {
            return title;
        }
        var matcher = Pattern.compile("^(.{10,}?)" + TITLE_SEPARATOR.pattern() + Pattern.quote(siteName) + "$",
                Pattern.CASE_INSENSITIVE).matcher(title);
        return matcher.matches() ? matcher.group(1) : title;
    }

    private static int length(List<String> paragraphs) {
        return paragraphs.stream().mapToInt(String::length).sum();
    }

    /** The {@code <title>} without the site's name, when a separator sets one apart. */
    static String documentTitle(Document doc) {
        String title = PageMetadata.clean(doc.title());
        if (title == null) {
            Element h1 = doc.selectFirst("h1");
            return h1 == null ? null : PageMetadata.clean(h1.text());
        }
        var parts = TITLE_SEPARATOR.split(title);
        if (parts.length > 1) {
            String longest = parts[0];
            for (String part : parts) {
                if (part.length() > longest.length()) {
                    longest = part;
                }
            }
            if (longest.split("\\s+").length >= 3) {
                return longest.strip();
            }
        }
        return title;
    }

    private static String domByline(Document doc) {
        for (Element element : doc.select("[rel=author], [itemprop~=author], [class~=(?i)byline|author]")) {
            String text = PageMetadata.clean(element.text());
            if (text != null && text.length() < 100) {
                return text.replaceFirst("(?i)^(by|von|par|por|автор:?)\\s+", "");
            }
        }
        return null;
    }

    /** One attempt over one parsed copy of the page. Not thread-safe; one per pass. */
    private static final class Pass {
        private final Rules rules;
        private final Map<Element, Double> scores = new IdentityHashMap<>();

        Pass(Rules rules) {
            this.rules = rules;
        }

        List<String> run(Document doc, String title) {
            Element body = doc.body();
            if (body == null) {
                return List.of();
            }
            removeJunk(body);
            paragraphize(body);
            Element top = topCandidate(body);
            Element article = top == null ? body : gatherSiblings(top);
            clean(article, title);
            return Paragraphs.of(article);
        }

        private void removeJunk(Element body) {
            List<Element> remove = new ArrayList<>();
            for (Element element : body.getAllElements()) {
                if (element == body) {
                    continue;
                }
                String tag = element.normalName();
                if (JUNK_TAGS.contains(tag) || isHidden(element) || JUNK_ROLES.contains(element.attr("role").toLowerCase(Locale.ROOT))
                        || (rules.stripUnlikely && isUnlikely(element, tag)) || isBanner(element, tag)) {
                    remove.add(element);
                }
            }
            remove.forEach(Node::remove);
            // comments and empty wrappers carry no text; jsoup keeps comments as nodes
            body.select("header:not(article header)").remove();
        }

        private static boolean isBanner(Element element, String tag) {
            return !tag.equals("body") && !tag.equals("html") && !tag.equals("article") && !tag.equals("main")
                    && ALWAYS_JUNK.matcher(element.className() + " " + element.id()).find();
        }

        private static boolean isHidden(Element element) {
            return element.hasAttr("hidden") || "true".equalsIgnoreCase(element.attr("aria-hidden"))
                    || HIDDEN_STYLE.matcher(element.attr("style")).find();
        }

        private static boolean isUnlikely(Element element, String tag) {
            if (tag.equals("article") || tag.equals("main") || tag.equals("a") || tag.equals("body")) {
                return false;
            }
            String names = element.className() + " " + element.id();
            if (names.isBlank() || !UNLIKELY.matcher(names).find() || MAYBE.matcher(names).find()) {
                return false;
            }
            // inside a table or code block a class name says less about the page's layout
            return element.closest("table, pre, code") == null;
        }

        /** A div of inline content is a paragraph; inline runs between the blocks of a div become paragraphs. */
        private static void paragraphize(Element body) {
            for (Element div : body.select("div, section, span[class*=paragraph]")) {
                if (!hasBlockChild(div)) {
                    if (div.normalName().equals("div")) {
                        div.tagName("p");
                    }
                    continue;
                }
                List<Node> run = new ArrayList<>();
                for (Node child : new ArrayList<>(div.childNodes())) {
                    if (isInline(child)) {
                        run.add(child);
                    } else {
                        wrap(run);
                    }
                }
                wrap(run);
            }
        }

        private static boolean hasBlockChild(Element element) {
            for (Element child : element.children()) {
                if (BLOCKS.contains(child.normalName()) && !child.normalName().equals("br")) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isInline(Node node) {
            if (node instanceof TextNode) {
                return true;
            }
            return node instanceof Element element && !BLOCKS.contains(element.normalName());
        }

        private static void wrap(List<Node> run) {
            boolean hasText = run.stream().anyMatch(n -> n instanceof TextNode t ? !t.isBlank()
                    : n instanceof Element e && e.hasText());
            if (hasText) {
                Element p = new Element("p");
                run.get(0).before(p);
                run.forEach(n -> p.appendChild(n));
            }
            run.clear();
        }

        private Element topCandidate(Element body) {
            List<Element> candidates = new ArrayList<>();
            for (Element element : body.getAllElements()) {
                if (!SCORED.contains(element.normalName()) && !element.normalName().equals("p")) {
                    continue;
                }
                String text = element.text();
                if (text.length() < MIN_PARAGRAPH) {
                    continue;
                }
                double score = 1 + commas(text) + Math.min(text.length() / 100, 3);
                Element ancestor = element.parent();
                for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
                    if (!scores.containsKey(ancestor)) {
                        scores.put(ancestor, initialScore(ancestor));
                        candidates.add(ancestor);
                    }
                    double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                    scores.merge(ancestor, score / divider, Double::sum);
                    if (ancestor == body) {
                        break;
                    }
                }
            }
            for (Element candidate : candidates) {
                scores.put(candidate, scores.get(candidate) * (1 - linkDensity(candidate)));
            }
            candidates.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
            if (candidates.isEmpty()) {
                return null;
            }
            return climb(commonAncestor(candidates, body), body);
        }

        /**
         * When several of the best containers score nearly as well as the best, the article is split over them
         * (sections, steps, pages of a story): the closest ancestor holding {@value #CLOSE_RIVALS} of them is taken.
         */
        private Element commonAncestor(List<Element> ranked, Element body) {
            Element top = ranked.get(0);
            double best = scores.get(top);
            List<Element> rivals = ranked.subList(1, Math.min(TOP_CANDIDATES, ranked.size())).stream()
                    .filter(c -> scores.get(c) >= best * 0.75).toList();
            if (rivals.size() < CLOSE_RIVALS) {
                return top;
            }
            for (Element ancestor = top.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
                Element a = ancestor;
                long inside = rivals.stream().filter(r -> r.parents().contains(a)).count();
                if (inside >= CLOSE_RIVALS) {
                    return ancestor;
                }
            }
            return top;
        }

        /**
         * Moves up from the best container while its parent scores about as well (the text is spread over
         * sibling containers) or holds nothing else.
         */
        private Element climb(Element top, Element body) {
            Element current = top;
            double score = scores.get(top);
            while (current.parent() != null && current != body) {
                Element parent = current.parent();
                Double parentScore = scores.get(parent);
                if (parent.children().size() == 1 && parent != body) {
                    current = parent;
                    continue;
                }
                if (parentScore != null && parentScore >= score * 0.9 && parent != body) {
                    current = parent;
                    score = Math.max(score, parentScore);
                    continue;
                }
                break;
            }
            return current;
        }

        private double initialScore(Element element) {
            double score = switch (element.normalName()) {
                case "div", "article", "main", "section" -> 5;
                case "pre", "td", "blockquote" -> 3;
                case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
                case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
                default -> 0;
            };
            return score + classWeight(element);
        }

        private double classWeight(Element element) {
            if (!rules.weighClasses) {
                return 0;
            }
            double weight = 0;
            for (String names : new String[] {element.className(), element.id()}) {
                if (!names.isBlank()) {
                    weight += NEGATIVE.matcher(names).find() ? -25 : 0;
                    weight += POSITIVE.matcher(names).find() ? 25 : 0;
                }
            }
            return weight;
        }

        /** The top container and the siblings that belong with it, under one new parent. */
        private Element gatherSiblings(Element top) {
            Element parent = top.parent();
            if (parent == null || top.normalName().equals("body")) {
                return top;
            }
            double topScore = scores.getOrDefault(top, 0.0);
            double threshold = Math.max(10, topScore * 0.2);
            Element article = new Element("div");
            for (Element sibling : new ArrayList<>(parent.children())) {
                if (sibling == top || belongs(sibling, top, threshold)) {
                    article.appendChild(sibling.clone());
                }
            }
            return article;
        }

        private boolean belongs(Element sibling, Element top, double threshold) {
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? threshold : 0;
            Double score = scores.get(sibling);
            if (score != null && score + bonus >= threshold) {
                return true;
            }
            if (!sibling.normalName().equals("p")) {
                return false;
            }
            String text = sibling.text();
            double links = linkDensity(sibling);
            return (text.length() > 80 && links < 0.25)
                    || (text.length() > 0 && links == 0 && text.matches("(?s).*\\.( |$).*"));
        }

        /** Removes what sits inside the article but is not of it. */
        private void clean(Element article, String title) {
            for (Element heading : article.select("h1, h2")) {
                if (title != null && heading.text().strip().equalsIgnoreCase(title.strip())) {
                    heading.remove();
                }
            }
            for (Element heading : article.select("h1, h2, h3, h4, h5, h6")) {
                if (classWeight(heading) < 0 || linkDensity(heading) > 0.33) {
                    heading.remove();
                }
            }
            if (!rules.cleanConditionally) {
                return;
            }
            Elements boxes = article.select("form, fieldset, table, ul, ol, div, section");
            for (int i = boxes.size() - 1; i >= 0; i--) {
                Element box = boxes.get(i);
                if (box.parent() != null && isFurniture(box)) {
                    box.remove();
                }
            }
        }

        private boolean isFurniture(Element box) {
            String tag = box.normalName();
            double weight = classWeight(box);
            if (weight + scores.getOrDefault(box, 0.0) < 0) {
                return true;
            }
            String text = box.text();
            if (commas(text) >= 10) {
                return false;
            }
            boolean isList = tag.equals("ul") || tag.equals("ol");
            if (tag.equals("table") && isDataTable(box)) {
                return false;
            }
            int paragraphs = box.getElementsByTag("p").size();
            int images = box.getElementsByTag("img").size();
            int items = box.getElementsByTag("li").size() - 100;
            int inputs = box.getElementsByTag("input").size();
            int embeds = box.select("embed, object, iframe, video").size();
            double links = linkDensity(box);
            int length = text.length();
            if (box.closest("figure") != null) {
                return false;
            }
            return (images > 1 && paragraphs / (double) images < 0.5 && !isList)
                    || (!isList && items > paragraphs)
                    || inputs > paragraphs / 3
                    || (!isList && length < MIN_PARAGRAPH && (images == 0 || images > 2) && box.select("h1,h2,h3,h4,h5,h6").isEmpty())
                    || (weight < 25 && links > 0.2 && !(isList && links < 0.5 && length > 200))
                    || (weight >= 25 && links > 0.5)
                    || (embeds == 1 && length < 75) || embeds > 1;
        }

        private static boolean isDataTable(Element table) {
            if ("presentation".equals(table.attr("role"))) {
                return false;
            }
            return table.selectFirst("th, caption, thead") != null || table.select("tr").size() > 3;
        }

        private static double linkDensity(Element element) {
            int length = element.text().length();
            if (length == 0) {
                return 0;
            }
            int linked = 0;
            for (Element link : element.getElementsByTag("a")) {
                String href = link.attr("href");
                // links inside the page (footnotes, anchors) weigh little
                linked += (int) (link.text().length() * (href.startsWith("#") ? 0.3 : 1));
            }
            return Math.min(1, linked / (double) length);
        }

        private static int commas(String text) {
            int count = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ',' || c == '，' || c == '、' || c == '،') {
                    count++;
                }
            }
            return count;
        }
    }

    /** Paragraph text of an element tree: each block-level element ends a paragraph; whitespace is folded. */
    static final class Paragraphs {
        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();

        static List<String> of(Element root) {
            Paragraphs out = new Paragraphs();
            out.walk(root);
            out.flush();
            return out.paragraphs;
        }

        private void walk(Node node) {
            if (node instanceof TextNode text) {
                String folded = text.getWholeText().replaceAll("[\\s\\u00A0]+", " ");
                if (!folded.isBlank() || (current.length() > 0 && current.charAt(current.length() - 1) != ' ')) {
                    current.append(folded);
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            boolean block = BLOCKS.contains(element.normalName()) || CONTAINERS.contains(element.normalName())
                    && !element.normalName().equals("span") && !element.normalName().equals("font");
            if (block) {
                flush();
            }
            for (Node child : element.childNodes()) {
                walk(child);
            }
            if (block) {
                flush();
            }
        }

        private void flush() {
            String paragraph = current.toString().strip();
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
            current.setLength(0);
        }
    }
}
