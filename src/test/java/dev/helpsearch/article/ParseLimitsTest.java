package dev.helpsearch.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.helpsearch.article.markdown.ParseLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Each parse limit is met while parsing and reported at the line that crossed it, as
 * {@code file:line: why (limit N)}; articles within the limits parse as before.
 */
class ParseLimitsTest {

    private static final String FRONT = "---\ntitle: Hostile\n---\n\n"; // the body starts on line 5
    private static final ParseLimits SMALL = new ParseLimits(4, 5, 6, Duration.ofSeconds(30));

    private static InvalidArticleException rejected(ParseLimits limits, String body) {
        try {
            new ArticleParser(limits).parse("faq/hostile.md", FRONT + body);
        } catch (InvalidArticleException e) {
            return e;
        }
        throw new AssertionError("the article was parsed within " + limits);
    }

    @Test
    void tenThousandUnclosedOpenersStopAtTheFirstOneTooDeep() {
        InvalidArticleException e = rejected(ParseLimits.DEFAULT, "::callout\n".repeat(10_000));
        // the 33rd opener would be the 33rd container
        assertThat(e.getMessage())
                .isEqualTo("faq/hostile.md:37: blocks nested more than 32 deep (block quotes, list items, "
                        + "components); close the components or flatten the lists (limit 32)");
    }

    @Test
    void nestingCountsQuotesListItemsAndComponentsAlike() {
        assertThat(rejected(SMALL, "> > > > > deep\n").problem().line()).isEqualTo(5);
        assertThat(rejected(SMALL, "text\n\n" + ">".repeat(10_000) + " deep\n").getMessage())
                .startsWith("faq/hostile.md:7: blocks nested more than 4 deep")
                .endsWith("(limit 4)");
        assertThat(rejected(SMALL, "- a\n  - b\n    - c\n      - d\n        - e\n          - f\n")
                        .getMessage())
                .contains("nested more than 4 deep");
        assertThat(rejected(SMALL, "::a\n> - ::b\n>   > ::c\n").getMessage())
                .startsWith("faq/hostile.md:7: blocks nested more than 4");
    }

    @Test
    void nestingAtTheLimitIsFine() throws InvalidArticleException {
        Article article = new ArticleParser(SMALL)
                .parse("faq/ok.md", FRONT + "> > > > four deep\n\n::a\n::b\n::c\n::d\ntext\n::\n::\n::\n::\n");
        assertThat(article.intro()).contains("four deep");
    }

    @Test
    void headingsAreCountedAtAnyDepthRawHtmlIncluded() throws InvalidArticleException {
        assertThat(rejected(SMALL, "## a\n\n## b\n\n> ## c\n\n<h2>d</h2>\n\n## e\n\n## f\n")
                        .getMessage())
                .isEqualTo("faq/hostile.md:15: more than 5 headings; split the article (limit 5)");
        assertThat(new ArticleParser(SMALL)
                        .parse("faq/ok.md", FRONT + "## a\n\n## b\n\n## c\n\n## d\n\n## e\n")
                        .sections())
                .hasSize(5);
    }

    @Test
    void componentsAreCountedBlockAndInline() {
        assertThat(rejected(
                                SMALL,
                                "::note\nOne :badge two :badge\n::\n\nthree :kbd four :kbd\n\n::tip\nfive :kbd\n::\n")
                        .getMessage())
                .isEqualTo("faq/hostile.md:12: more than 6 MDC components; split the article (limit 6)");
        assertThat(rejected(SMALL, "Line one\nand :a :b :c :d :e :f :g\n")
                        .problem()
                        .line())
                .isEqualTo(6);
    }

    @Test
    void theTimeBudgetStopsAnArticleThatTakesTooLong() {
        // no limit is crossed, the budget is just too small for ordinary work
        ParseLimits oneMilli = ParseLimits.DEFAULT.withBudget(Duration.ofMillis(1));
        String slowEnough = "## Heading\n\nSome *text* with `code` and a [link](/x).\n\n".repeat(20_000);
        InvalidArticleException e = rejected(oneMilli, slowEnough);
        assertThat(e.getMessage())
                .matches("faq/hostile\\.md:\\d+: took more than 1 ms to parse; simplify the article \\(limit 1 ms\\)");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new ParseLimits(0, 1, 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParseLimits(1, 1, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
