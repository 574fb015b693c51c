package dev.helpsearch.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.article.markdown.HeadingSlugger;
import dev.helpsearch.article.markdown.ParseLimits;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the article parser with front matter, Markdown and MDC generated from a grammar of what it
 * supports, then mutated (fragments of syntax inserted, slices cut and repeated hundreds of times).
 * Whatever comes out, the parser either returns a well-formed article or reports an
 * {@link InvalidArticleException}, and within its time budget. 100 tries a run (seconds); a long run is in
 * bench/README.md.
 */
class ParserFuzzTest {

    private static final Duration BUDGET = Duration.ofSeconds(2);
    /** Far more than the budget, so that only a parse that ignores its budget can fail it, never a loaded machine. */
    private static final Duration BOUND = BUDGET.plusSeconds(8);

    private static final ArticleParser PARSER = new ArticleParser(ParseLimits.DEFAULT.withBudget(BUDGET));

    private static final List<String> FRAGMENTS = List.of(
            "::",
            ":::",
            "::callout",
            "::note{type=\"warning\"}",
            "::tip[Label]",
            "---",
            "#",
            "## ",
            "#title",
            ">",
            "> > ",
            "- ",
            "1. ",
            "* ",
            "  ",
            "    ",
            "\n",
            "\n\n",
            "```",
            "~~~",
            "|",
            "| --- |",
            "[",
            "]",
            "[^1]",
            "[^1]: ",
            "(",
            ")",
            "*",
            "**",
            "_",
            "`",
            "{",
            "}",
            "{{",
            "}}",
            ":badge",
            ":kbd{",
            "=\"",
            "'",
            "<h2>",
            "</h2>",
            "<div>",
            "<!--",
            "-->",
            "\\",
            "&amp;",
            ":+1:",
            "\t",
            "é",
            "🔥",
            "端口");

    @Property
    void everyArticleIsParsedOrReportedWithinItsBudget(@ForAll("articles") String content) {
        long start = System.nanoTime();
        Article article;
        try {
            article = PARSER.parse("faq/fuzzed.md", content);
        } catch (InvalidArticleException e) {
            assertThat(e.problem().file()).isEqualTo("faq/fuzzed.md");
            assertThat(e.problem().line()).isBetween(1, (int) content.lines().count() + 1);
            assertThat(e.problem().message()).isNotBlank();
            assertWithinBound(start);
            return;
        }
        assertWithinBound(start);
        assertWellFormed(article);
    }

    private static void assertWithinBound(long start) {
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    private static void assertWellFormed(Article article) {
        assertThat(article.title()).isNotNull();
        List<String> ids = article.headings().stream().map(h -> h.id()).toList();
        for (var heading : article.headings()) {
            assertThat(heading.depth()).isBetween(1, 6);
            assertThat(heading.text()).isNotNull();
            assertThat(heading.id()).doesNotContain("--").doesNotStartWith("-").doesNotEndWith("-");
            assertThat(HeadingSlugger.cleanUp(heading.id())).isEqualTo(heading.id());
        }
        int from = 0;
        for (Section section : article.sections()) {
            assertThat(section.level()).isBetween(1, 6);
            assertThat(section.heading()).isNotNull();
            assertThat(section.titles()).doesNotContainNull();
            assertThat(section.text()).isNotNull();
            assertThat(section.html()).isNotNull().doesNotContain("<script");
            // sections are the root-level headings, in document order, with the ids the page renders
            int at = ids.subList(from, ids.size()).indexOf(section.anchor());
            assertThat(at)
                    .as("section #%s among the headings %s", section.anchor(), ids)
                    .isNotNegative();
            from += at + 1;
        }
    }

    @Provide
    Arbitrary<String> articles() {
        Arbitrary<String> body = block(3).list().ofMaxSize(10).map(blocks -> String.join("\n\n", blocks));
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMaxSize(6);
        return Combinators.combine(frontMatter(), body, mutations).as((front, text, edits) -> {
            String mutated = text;
            for (Mutation edit : edits) {
                mutated = edit.apply(mutated);
            }
            return front + mutated;
        });
    }

    private static Arbitrary<String> frontMatter() {
        Arbitrary<String> title = Arbitraries.oneOf(
                word(), Arbitraries.just(""), Arbitraries.just("[a, b]"), Arbitraries.just("'quoted: yes'"));
        return Arbitraries.oneOf(
                title.map(t -> "---\ntitle: " + t + "\n---\n\n"),
                title.map(t -> "---\ntitle: " + t + "\ndescription: " + t
                        + "\norder: 2\ndraft: false\nnavigation:\n  icon: i\n---\n"),
                Arbitraries.just("---\ntitle: &a [*a, *a]\n---\n"),
                Arbitraries.just(""),
                Arbitraries.just("# Leading title\n\n"));
    }

    private static Arbitrary<String> word() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                Arbitraries.of("port", "EADDRINUSE", "~/.app/config.json", "über", "端口", "🔥", "v1.2", "a_b", "x-y"));
    }

    private static Arbitrary<String> inline() {
        Arbitrary<String> w = word();
        Arbitrary<String> piece = Arbitraries.oneOf(
                w,
                w,
                w.map(x -> "*" + x + "*"),
                w.map(x -> "**" + x + "**"),
                w.map(x -> "`" + x + "`"),
                w.map(x -> "[" + x + "](/docs/" + x + ")"),
                w.map(x -> "[" + x + "][ref]"),
                w.map(x -> "![" + x + "](i.png)"),
                w.map(x -> ":badge[" + x + "]{color=\"red\"}"),
                w.map(x -> ":kbd{value=" + x + "}"),
                w.map(x -> ":icon{name=" + x + "}"),
                w.map(x -> "{{ " + x + " }}"),
                w.map(x -> "[^" + x + "]"),
                w.map(x -> "`" + x + "`{lang=ts}"),
                w.map(x -> "<kbd>" + x + "</kbd>"),
                w.map(x -> ":" + x + ":"),
                w.map(x -> "https://example.com/" + x));
        return piece.list().ofMinSize(1).ofMaxSize(8).map(p -> String.join(" ", p));
    }

    private static Arbitrary<String> block(int depth) {
        Arbitrary<String> text = inline();
        Arbitrary<String> leaf = Arbitraries.oneOf(
                text,
                text,
                Combinators.combine(Arbitraries.integers().between(1, 6), text)
                        .as((level, t) -> "#".repeat(level) + " " + t),
                text.map(t -> t + "\n" + "=".repeat(3)),
                text.map(t -> "```ts [file.ts]\n" + t + "\n::\n```"),
                text.map(t -> "    " + t),
                text.map(t -> "| a | b |\n| --- | --- |\n| " + t + " | x |"),
                text.map(t -> "[^n]: " + t),
                text.map(t -> "[ref]: /docs/" + t.hashCode()),
                text.map(t -> "<h2 id=\"" + t.hashCode() + "\">" + t + "</h2>"),
                text.map(t -> "<div>" + t + "</div>"),
                Arbitraries.just("---"),
                Arbitraries.just("<!-- comment -->"));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> inner =
                block(depth - 1).list().ofMinSize(1).ofMaxSize(3).map(b -> String.join("\n\n", b));
        return Arbitraries.oneOf(
                leaf,
                leaf,
                leaf,
                inner.map(b -> b.lines()
                        .map(l -> "> " + l)
                        .reduce((a, c) -> a + "\n" + c)
                        .orElse(">")),
                inner.map(b -> "- " + b.lines().reduce((a, c) -> a + "\n  " + c).orElse("")),
                inner.map(
                        b -> "1. " + b.lines().reduce((a, c) -> a + "\n   " + c).orElse("")),
                Combinators.combine(
                                Arbitraries.of("callout", "note", "tip", "card", "code-group", "read-more"),
                                inner,
                                Arbitraries.of("", "{type=\"warning\"}", "[Title]", "{to=\"/x\" .big #id}"),
                                Arbitraries.of("::", "", ":::"))
                        .as((name, b, attrs, close) -> "::" + name + attrs + "\n" + b + "\n" + close),
                Combinators.combine(inner, inner)
                        .as((a, b) -> ":::card\n---\ntitle: T\n---\n#title\n" + a + "\n#default\n" + b + "\n:::"));
    }

    /** One edit of the generated text; positions are fractions, so that any text can take any edit. */
    private record Mutation(int kind, double at, double length, String fragment, int times) {

        String apply(String text) {
            int start = (int) (at * text.length());
            int end = Math.min(text.length(), start + (int) (length * 200));
            return switch (kind) {
                case 0 -> text.substring(0, start) + fragment + text.substring(start);
                case 1 -> text.substring(0, start) + text.substring(end);
                default -> text.substring(0, end) + text.substring(start, end).repeat(times) + text.substring(end);
            };
        }
    }

    private static Arbitrary<Mutation> mutation() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.of(FRAGMENTS),
                        Arbitraries.integers().between(1, 500))
                .as(Mutation::new);
    }
}
