package dev.helpsearch.article;

import dev.helpsearch.article.markdown.BodyBlock;
import dev.helpsearch.article.markdown.BodyBlock.ContentBlock;
import dev.helpsearch.article.markdown.BodyBlock.HeadingBlock;
import dev.helpsearch.article.markdown.MarkdownBody;
import dev.helpsearch.article.markdown.MarkdownParser;
import dev.helpsearch.article.markdown.ParseLimitExceeded;
import dev.helpsearch.article.markdown.ParseLimits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns one Markdown file into an {@link Article} the way Nuxt Content derives a page: path from
 * the file name (or front matter {@code path}), title and description from front matter (else a
 * leading h1 and paragraph), sections split at root-level headings with the help center's anchors.
 * Thread-safe.
 */
public final class ArticleParser {

    private final MarkdownParser markdown;
    private final String pathPrefix;

    /**
     * A parser for articles served under {@code pathPrefix} ("/" for the help center) that reports an
     * article costing more parse work than {@code limits} as invalid.
     */
    public ArticleParser(String pathPrefix, ParseLimits limits) {
        this.pathPrefix = pathPrefix;
        this.markdown = new MarkdownParser(limits);
    }

    /** A parser for articles served under {@code pathPrefix} ("/" for the help center). */
    public ArticleParser(String pathPrefix) {
        this(pathPrefix, ParseLimits.DEFAULT);
    }

    public ArticleParser(ParseLimits limits) {
        this(ContentPaths.HELP_CENTER_PREFIX, limits);
    }

    public ArticleParser() {
        this(ContentPaths.HELP_CENTER_PREFIX);
    }

    /**
     * What an article's front matter and file name say about where it goes, without parsing its
     * body: enough to find two files claiming one path before either is parsed in full.
     *
     * @param path     the page's path
     * @param draft    marked as a draft
     * @param redirect a redirect page rather than an article
     * @param pathLine the line that decides the path: the front matter's {@code path}, else the first
     * @param redirectTarget where a redirect page forwards to, as written; null for other pages
     * @param redirectLine the line of {@code redirect}
     */
    public record Header(
            String path, boolean draft, boolean redirect, int pathLine, String redirectTarget, int redirectLine) {}

    public Header header(String file, String content) throws InvalidArticleException {
        FrontMatter frontMatter = FrontMatter.split(file, normalized(content));
        return header(file, frontMatter, frontMatter.data());
    }

    private Header header(String file, FrontMatter frontMatter, Map<String, Object> data)
            throws InvalidArticleException {
        String path = string(data, "path", file, frontMatter);
        int pathLine = 1;
        if (path == null || path.isBlank()) {
            path = ContentPaths.path(pathPrefix, file);
        } else {
            pathLine = frontMatter.lineOf("path");
        }
        boolean draft = bool(data, "draft", file, frontMatter) || file.endsWith(".draft.md");
        String redirect = string(data, "redirect", file, frontMatter);
        return new Header(path, draft, redirect != null, pathLine, redirect, frontMatter.lineOf("redirect"));
    }

    private static String normalized(String content) {
        return stripByteOrderMark(content).replace("\r\n", "\n");
    }

    /**
     * Parses {@code content}, the text of {@code file} (relative to the articles folder,
     * '/'-separated).
     */
    public Article parse(String file, String content) throws InvalidArticleException {
        FrontMatter frontMatter = FrontMatter.split(file, normalized(content));
        Map<String, Object> data = frontMatter.data();
        Header header = header(file, frontMatter, data);
        MarkdownBody body;
        try {
            body = markdown.parse(frontMatter.body());
        } catch (ParseLimitExceeded e) {
            throw new InvalidArticleException(file, frontMatter.bodyFirstLine() + e.line() - 1, e.getMessage());
        }
        LeadingText leading = LeadingText.of(body.blocks());

        String title = string(data, "title", file, frontMatter);
        if (title == null || title.isEmpty()) {
            title = leading.h1();
        }
        String redirect = string(data, "redirect", file, frontMatter);
        if (title == null && redirect != null) {
            title = ContentPaths.fallbackTitle(file);
        }
        if (title == null || (JsStrings.trim(title).isEmpty() && redirect == null)) {
            throw new InvalidArticleException(
                    file,
                    frontMatter.lineOf("title"),
                    "missing title: add \"title:\" to the front matter (or start the article with a # heading)");
        }
        String description = string(data, "description", file, frontMatter);
        if (description == null) {
            description = leading.paragraph() != null ? leading.paragraph() : "";
        }
        String category = string(data, "category", file, frontMatter);
        if (category == null || category.isBlank()) {
            int slash = file.indexOf('/');
            category = slash > 0 ? ContentPaths.segment(file.substring(0, slash)) : "";
        }
        Integer order = integer(data, "order", file, frontMatter);
        String updatedAt = data.get("updatedAt") == null ? null : String.valueOf(data.get("updatedAt"));

        SectionSplit split = SectionSplit.of(title, description, body.blocks());
        StringBuilder html = new StringBuilder();
        body.blocks().forEach(block -> html.append(block.html()).append('\n'));
        return new Article(
                file,
                header.path(),
                title,
                description,
                category,
                order,
                updatedAt,
                header.draft(),
                split.intro(),
                split.sections(),
                body.headings(),
                html.toString(),
                redirect,
                contentHash(content));
    }

    private static String stripByteOrderMark(String content) {
        return content.startsWith("\uFEFF") ? content.substring(1) : content;
    }

    private static String string(Map<String, Object> data, String key, String file, FrontMatter fm)
            throws InvalidArticleException {
        Object value = data.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw new InvalidArticleException(
                    file, fm.lineOf(key), "\"" + key + "\" must be text, not a list or mapping");
        }
        return String.valueOf(value);
    }

    private static Integer integer(Map<String, Object> data, String key, String file, FrontMatter fm)
            throws InvalidArticleException {
        Object value = data.get(key);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(value).strip()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidArticleException(
                    file, fm.lineOf(key), "\"" + key + "\" must be a whole number, not \"" + value + "\"");
        }
    }

    private static boolean bool(Map<String, Object> data, String key, String file, FrontMatter fm)
            throws InvalidArticleException {
        Object value = data.get(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new InvalidArticleException(
                file, fm.lineOf(key), "\"" + key + "\" must be true or false, not \"" + value + "\"");
    }

    /** The hash an article carries of the text it was parsed from, to tell an edited file from an unchanged one. */
    public static String contentHash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Nuxt's contentHeading: a leading h1 gives the title, and a paragraph first (or right after
     * that h1) the description. Thematic breaks are skipped.
     */
    private record LeadingText(String h1, String paragraph) {

        static LeadingText of(List<BodyBlock> blocks) {
            List<BodyBlock> elements = blocks.stream()
                    .filter(b -> !(b instanceof ContentBlock c && c.kind() == BodyBlock.Kind.THEMATIC_BREAK))
                    .toList();
            int next = 0;
            String h1 = null;
            if (!elements.isEmpty()
                    && elements.get(0) instanceof HeadingBlock h
                    && h.heading().depth() == 1) {
                h1 = h.heading().text();
                next = 1;
            }
            String paragraph = null;
            if (elements.size() > next
                    && elements.get(next) instanceof ContentBlock c
                    && c.kind() == BodyBlock.Kind.PARAGRAPH) {
                paragraph = c.nuxtText();
            }
            return new LeadingText(h1, paragraph);
        }
    }

    /** The help center's search-section split (Nuxt Content's generateSearchSections). */
    private record SectionSplit(String intro, List<Section> sections) {

        static SectionSplit of(String title, String description, List<BodyBlock> blocks) {
            List<Section> sections = new ArrayList<>();
            List<String> titles = new ArrayList<>(List.of(title));
            int previousLevel = 0;
            String introNuxtContent = JsStrings.trim(description);
            StringBuilder intro = new StringBuilder();
            SectionBuilder current = null;
            for (BodyBlock block : blocks) {
                if (block instanceof HeadingBlock heading) {
                    if (current != null) {
                        sections.add(current.build());
                    }
                    int level = heading.heading().depth();
                    String headingText = JsStrings.trim(heading.heading().text());
                    if (level == 1) {
                        titles.clear();
                    } else if (level < previousLevel) {
                        int start = level - 1;
                        int count = Math.min(titles.size() - 1, Math.max(0, titles.size() - start));
                        if (start < titles.size() && count > 0) {
                            titles.subList(start, start + count).clear();
                        }
                    } else if (level == previousLevel && !titles.isEmpty()) {
                        titles.remove(titles.size() - 1);
                    }
                    current = new SectionBuilder(heading.heading().id(), headingText, level, List.copyOf(titles));
                    titles.add(headingText);
                    previousLevel = level;
                } else if (block instanceof ContentBlock content) {
                    if (current != null) {
                        current.add(content);
                        continue;
                    }
                    String text = JsStrings.trim(content.nuxtText());
                    if (text.equals(introNuxtContent)) {
                        continue;
                    }
                    introNuxtContent = JsStrings.trim(introNuxtContent + " " + text);
                    appendLine(intro, content.prose());
                }
            }
            if (current != null) {
                sections.add(current.build());
            }
            return new SectionSplit(intro.toString(), sections);
        }
    }

    private static final class SectionBuilder {
        private final String anchor;
        private final String heading;
        private final int level;
        private final List<String> titles;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder code = new StringBuilder();
        private final StringBuilder html = new StringBuilder();

        SectionBuilder(String anchor, String heading, int level, List<String> titles) {
            this.anchor = anchor;
            this.heading = heading;
            this.level = level;
            this.titles = titles;
        }

        void add(ContentBlock block) {
            appendLine(text, block.prose());
            appendLine(code, block.code());
            html.append(block.html()).append('\n');
        }

        Section build() {
            return new Section(anchor, heading, level, titles, text.toString(), code.toString(), html.toString());
        }
    }

    private static void appendLine(StringBuilder out, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append('\n');
        }
        out.append(text);
    }
}
