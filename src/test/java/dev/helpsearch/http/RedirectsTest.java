package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.article.ArticleProblem;
import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.index.Reindexer;
import dev.helpsearch.search.rank.SemanticModel;
import dev.helpsearch.testing.Fixtures;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** redirect: pages answer a real redirect, only to this site or a host the server was told to trust. */
class RedirectsTest {

    @TempDir
    static Path work;

    static RunningServer server;
    static int articlesBefore;

    @BeforeAll
    static void start() throws IOException {
        server = RunningServer.start(
                work,
                Fixtures.HELP_CENTER,
                null,
                new ServerSettings(List.of(), null, 2_000, 0, List.of("docs.example.com")),
                new IndexBuilder(),
                SemanticModel.off());
        articlesBefore = server.json("/_/healthz").get("articles").asInt();
        write("moved/01.old-name.md", "---\nredirect: /troubleshooting/gateway-fails-to-start#port-conflict\n---\n");
        write("moved/02.to-docs.md", "---\ntitle: Moved to the docs\nredirect: https://docs.example.com/setup\n---\n");
        write("moved/03.elsewhere.md", "---\ntitle: Elsewhere\nredirect: https://evil.example/phish\n---\n");
        assertThat(server.reindexer.reindex().replaced()).isTrue();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static void write(String file, String text) throws IOException {
        Files.createDirectories(server.articles.resolve(file).getParent());
        Files.writeString(server.articles.resolve(file), text);
    }

    @Test
    void aPageOnThisSiteOrATrustedHostIsARealRedirect() {
        HttpResponse<String> local = server.get("/moved/old-name");
        assertThat(local.statusCode()).isEqualTo(301);
        assertThat(local.headers().firstValue("Location"))
                .contains("/troubleshooting/gateway-fails-to-start#port-conflict");
        HttpResponse<String> trusted = server.get("/moved/to-docs");
        assertThat(trusted.statusCode()).isEqualTo(301);
        assertThat(trusted.headers().firstValue("Location")).contains("https://docs.example.com/setup");
    }

    @Test
    void anyOtherHostIsRefused() {
        HttpResponse<String> refused = server.get("/moved/elsewhere");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.body()).doesNotContain("evil.example");
    }

    @Test
    void redirectsAreNeverSearchHitsNorArticles() {
        assertThat(server.json("/_/v1/search?q=" + RunningServer.encode("moved docs elsewhere"))
                        .get("hits")
                        .toString())
                .doesNotContain("/moved/");
        assertThat(server.get("/_/v1/articles/moved/old-name").statusCode()).isEqualTo(404);
        assertThat(server.json("/_/healthz").get("articles").asInt()).isEqualTo(articlesBefore);
    }

    @Test
    void targetsThatAreNeverSafeAreIndexErrorsWithFileAndLine() throws IOException {
        Path articles = work.resolve("other-articles");
        Files.createDirectories(articles.resolve("moved"));
        Files.writeString(
                articles.resolve("moved/script.md"), "---\ntitle: Script\nredirect: javascript:alert(1)\n---\n");
        Files.writeString(articles.resolve("moved/protocol-relative.md"), "---\nredirect: //evil.example/x\n---\n");
        Files.writeString(
                articles.resolve("moved/relative.md"), "---\ntitle: R\ndescription: d\nredirect: elsewhere\n---\n");
        Reindexer reindexer =
                new Reindexer(articles, work.resolve("other-index"), false, new IndexBuilder(), metadata -> {});
        List<String> problems = reindexer.reindex().problems().stream()
                .map(ArticleProblem::toString)
                .toList();
        assertThat(problems)
                .containsExactly(
                        "moved/protocol-relative.md:2: redirect \"//evil.example/x\" is read by browsers as another site; write https://evil.example/x or a path with one leading slash",
                        "moved/relative.md:4: redirect \"elsewhere\" must be a path on this site (/guide/new-page) or an http(s) URL",
                        "moved/script.md:3: redirect \"javascript:alert(1)\" must be a path on this site (/guide/new-page) or an http(s) URL");
    }

    @Test
    void anEditedOrDeletedRedirectIsUpdatedInPlace() throws IOException {
        write("moved/04.twice.md", "---\nredirect: /first\n---\n");
        assertThat(server.reindexer.reindex().replaced()).isTrue();
        assertThat(server.get("/moved/twice").headers().firstValue("Location")).contains("/first");
        write("moved/04.twice.md", "---\nredirect: /second-and-longer\n---\n");
        assertThat(server.reindexer.reindex().replaced()).isTrue();
        assertThat(server.get("/moved/twice").headers().firstValue("Location")).contains("/second-and-longer");
        Files.delete(server.articles.resolve("moved/04.twice.md"));
        assertThat(server.reindexer.reindex().replaced()).isTrue();
        assertThat(server.get("/moved/twice").statusCode()).isEqualTo(404);
    }
}
