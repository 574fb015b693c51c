package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An article on a path the service answers itself is an index error, never a page hidden behind a route. */
class ReservedPathsTest {

    @TempDir
    Path work;

    private CliRun index(Path articles) {
        return CliRun.of(
                "index",
                "--semantic",
                "off",
                "--articles",
                articles.toString(),
                "--index",
                work.resolve("index").toString());
    }

    private static void write(Path articles, String file, String text) throws IOException {
        Files.createDirectories(articles.resolve(file).getParent());
        Files.writeString(articles.resolve(file), text);
    }

    @Test
    void everyCollisionIsReportedWithFileAndLine() throws IOException {
        Path articles = SampleArticles.write(work);
        write(articles, "healthz.md", "---\ntitle: Health\n---\n\nBody.\n");
        write(articles, "index.md", "---\ntitle: Home\n---\n\nBody.\n");
        write(
                articles,
                "ops/01.metrics.md",
                "---\ntitle: Our metrics\ndescription: What we count.\npath: /metrics\n---\n\nBody.\n");
        write(articles, "_/assets/logo.md", "---\ntitle: Logo\n---\n\nBody.\n");
        write(articles, "widget.js.md", "---\ntitle: Widget\n---\n\nBody.\n");
        write(articles, "api/search.md", "---\ntitle: Search API\n---\n\nBody.\n");
        write(articles, "api/articles/intro.md", "---\ntitle: Articles API\n---\n\nBody.\n");
        // pages under /api/ are fine: only the unversioned endpoints' own paths are taken
        write(articles, "api/composables/use-fetch.md", "---\ntitle: useFetch\n---\n\nBody.\n");
        write(articles, "guide/related.md", "---\ntitle: Related\n---\n\nBody.\n");

        CliRun run = index(articles);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(articles.resolve("healthz.md") + ":1: path /healthz collides with the health check")
                .contains(articles.resolve("index.md") + ":1: path / collides with the search page")
                .contains(articles.resolve("ops/01.metrics.md")
                        + ":4: path /metrics collides with the Prometheus metrics")
                .contains(articles.resolve("_/assets/logo.md")
                        + ":1: path /_/assets/logo collides with the service's own routes")
                .contains(articles.resolve("api/search.md")
                        + ":1: path /api/search collides with the unversioned search endpoint")
                .contains(articles.resolve("api/articles/intro.md") + ":1: path /api/articles/intro collides with")
                .doesNotContain("use-fetch.md")
                .doesNotContain("related.md")
                .contains("index not replaced: 7 invalid article(s)");
    }

    @Test
    void aCollisionIsFoundInAnIndexUpdateToo() throws IOException {
        Path articles = SampleArticles.write(work);
        assertThat(index(articles).exitCode()).isZero();
        write(articles, "_.md", "---\ntitle: Underscore\n---\n\nBody.\n");
        CliRun run = index(articles);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(articles.resolve("_.md") + ":1: path /_ collides with the service's own routes");
    }
}
