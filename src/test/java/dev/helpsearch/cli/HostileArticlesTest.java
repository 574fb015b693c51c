package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile articles end to end, through `index` and `search` on a real index: the cases the
 * loader's unit tests do not already cover (a 10 MB article, headings 10,000 characters long) and
 * the promise that a failed run leaves the last good index answering.
 */
class HostileArticlesTest {

    @TempDir
    Path work;

    private Path articles() throws IOException {
        Path articles = work.resolve("articles");
        Files.createDirectories(articles.resolve("faq"));
        Files.writeString(
                articles.resolve("faq/01.reset.md"),
                "---\ntitle: Reset your password\n---\n\n## Steps\n\nClick reset.\n");
        return articles;
    }

    private CliRun index(Path articles, String... options) {
        List<String> args = new ArrayList<>(List.of(
                "index",
                "--semantic",
                "off",
                "--articles",
                articles.toString(),
                "--index",
                work.resolve("index").toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** 100 KB that once kept the indexer busy for minutes: front matter, then 10,000 components never closed. */
    static String unclosedOpeners() {
        return "---\ntitle: Callouts\n---\n\n" + "::callout\n".repeat(10_000);
    }

    private CliRun search(String query) {
        return CliRun.of(
                "search", "--semantic", "off", "--index", work.resolve("index").toString(), query);
    }

    @Test
    void aTenMegabyteArticleIsRefusedAtLineOneAndTheLastGoodIndexKeepsAnswering() throws IOException {
        Path articles = articles();
        assertThat(index(articles).exitCode()).isZero();

        Path huge = articles.resolve("faq/02.huge.md");
        Files.writeString(huge, "---\ntitle: Huge\n---\n\n");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(10L * 1024 * 1024); // zero-filled: size is checked before content
        }
        CliRun run = index(articles);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(huge + ":1: is 10240 KB; articles are limited to 2048 KB");
        assertThat(search("reset").out()).contains("/faq/reset#steps");
    }

    @Test
    void headingsTenThousandCharactersLongAreIndexedWithTheirFullAnchor() throws IOException {
        Path articles = articles();
        String words = "port ".repeat(2_000).strip();
        String cjk = "端口".repeat(5_000);
        Files.writeString(
                articles.resolve("faq/02.long.md"),
                "---\ntitle: Long headings\n---\n\n## " + words + "\n\nFirst.\n\n## " + cjk + "\n\nSecond.\n\n## "
                        + "🔥".repeat(10_000) + "\n\nThird.\n\n# " + "x".repeat(10_000) + "\n\nFourth.\n");
        CliRun run = index(articles);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("indexed 2 articles");
        String hits = search("first").out();
        assertThat(hits).contains("/faq/long#" + words.replace(' ', '-'));
        assertThat(search("reset").out()).contains("/faq/reset#steps");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a wedged parse fails here instead of hanging the build
    void tenThousandUnclosedOpenersAreReportedWhileTheOtherArticlesAreIndexed() throws IOException {
        Path articles = articles();
        assertThat(index(articles).exitCode()).isZero();
        Path hostile = articles.resolve("faq/02.callouts.md");
        Files.writeString(hostile, unclosedOpeners());
        Files.writeString(
                articles.resolve("faq/03.printer.md"),
                "---\ntitle: Printer\n---\n\n## Toner\n\nReplace the zebra toner.\n");

        CliRun strict = index(articles);
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.err())
                .contains(hostile + ":37: blocks nested more than 32 deep (block quotes, list items, components); "
                        + "close the components or flatten the lists (limit 32)");
        assertThat(strict.err()).contains("fix them or run with --skip-invalid");
        assertThat(search("zebra").out()).doesNotContain("/faq/printer");
        assertThat(search("reset").out()).contains("/faq/reset#steps");

        CliRun skipping = index(articles, "--skip-invalid");
        assertThat(skipping.exitCode()).as(skipping.err()).isZero();
        assertThat(skipping.out()).contains("1 new or edited").contains("skipped 1 invalid");
        assertThat(search("zebra").out()).contains("/faq/printer#toner");
        assertThat(search("reset").out()).contains("/faq/reset#steps");
    }

    @Test
    void theLimitsAreOptionsAndAnArticleOverTheBudgetIsReportedAsOneProblem() throws IOException {
        Path articles = articles();
        Path deep = articles.resolve("faq/02.deep.md");
        Files.writeString(deep, "---\ntitle: Deep\n---\n\n> > > three quotes deep\n");
        assertThat(index(articles).exitCode()).isZero();
        // unchanged files are not parsed again, so tighter limits apply to them with --full
        CliRun tight = index(articles, "--full", "--max-nesting", "2");
        assertThat(tight.exitCode()).isEqualTo(1);
        assertThat(tight.err())
                .contains(deep + ":5: blocks nested more than 2 deep")
                .contains("(limit 2)");

        Path slow = articles.resolve("faq/03.long.md");
        Files.writeString(slow, "---\ntitle: Long\n---\n\n" + "## Part\n\nSome *text* and `code`.\n\n".repeat(1_500));
        CliRun budget = index(articles, "--parse-budget", "1ms", "--skip-invalid");
        assertThat(budget.exitCode()).as(budget.err()).isZero();
        assertThat(budget.err())
                .containsPattern(java.util.regex.Pattern.quote(slow.toString())
                        + ":\\d+: took more than 1 ms to parse; " + "simplify the article \\(limit 1 ms\\)");

        CliRun wrong = index(articles, "--parse-budget", "soon");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("expected a time such as 500ms, 10s or 1m, not 'soon'");
        assertThat(index(articles, "--max-headings", "0").err())
                .contains("helpsearch: --max-headings must be at least 1, not 0");
    }
}
