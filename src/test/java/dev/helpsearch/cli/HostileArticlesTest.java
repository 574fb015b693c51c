package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
        Files.writeString(articles.resolve("faq/01.reset.md"), "---\ntitle: Reset your password\n---\n\n## Steps\n\nClick reset.\n");
        return articles;
    }

    private CliRun index(Path articles) {
        return CliRun.of("index", "--semantic", "off", "--articles", articles.toString(), "--index", work.resolve("index").toString());
    }

    private CliRun search(String query) {
        return CliRun.of("search", "--semantic", "off", "--index", work.resolve("index").toString(), query);
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
        Files.writeString(articles.resolve("faq/02.long.md"), "---\ntitle: Long headings\n---\n\n## " + words + "\n\nFirst.\n\n## "
                + cjk + "\n\nSecond.\n\n## " + "🔥".repeat(10_000) + "\n\nThird.\n\n# " + "x".repeat(10_000) + "\n\nFourth.\n");
        CliRun run = index(articles);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("indexed 2 articles");
        String hits = search("first").out();
        assertThat(hits).contains("/faq/long#" + words.replace(' ', '-'));
        assertThat(search("reset").out()).contains("/faq/reset#steps");
    }
}
