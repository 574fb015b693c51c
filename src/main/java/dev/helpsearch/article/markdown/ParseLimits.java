package dev.helpsearch.article.markdown;

import java.time.Duration;

/**
 * The most parse work one article may cost. Block nesting, headings and components are what make
 * Markdown and MDC parsing expensive, so each is bounded and checked as the parser meets it; the
 * time budget is the last line of defence for a shape no limit foresaw. The defaults are far above
 * what any real help center writes (the Nuxt docs nest 4 deep and have at most 251 headings and 45
 * components in one article) and far below what would stall indexing.
 *
 * @param maxNesting    containers (block quotes, list items, block components) one block may sit in
 * @param maxHeadings   headings in one article, raw HTML headings included
 * @param maxComponents MDC components in one article, block and inline
 * @param budget        wall time one article may take to parse and render
 */
public record ParseLimits(int maxNesting, int maxHeadings, int maxComponents, Duration budget) {

    public static final ParseLimits DEFAULT = new ParseLimits(32, 2_000, 5_000, Duration.ofSeconds(10));

    public ParseLimits {
        if (maxNesting < 1 || maxHeadings < 1 || maxComponents < 1) {
            throw new IllegalArgumentException("parse limits must be at least 1");
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the parse budget must be positive, not " + budget);
        }
    }

    public ParseLimits withBudget(Duration budget) {
        return new ParseLimits(maxNesting, maxHeadings, maxComponents, budget);
    }
}
