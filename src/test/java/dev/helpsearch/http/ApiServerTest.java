package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint's contract, through a real server on a random port. */
class ApiServerTest {

    @TempDir
    static Path work;

    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        server = RunningServer.start(work);
        Files.createDirectories(server.articles.resolve("security"));
        Files.writeString(server.articles.resolve("security/01.markup-in-articles.md"), """
                ---
                title: Markup in articles
                description: An article whose text contains HTML.
                ---

                ## Pasting tags

                Never paste `<script>alert("pwned")</script>` or `<img src=x onerror=alert(1)>` into the support console.
                """);
        assertThat(server.reindexer.reindex().replaced()).isTrue();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void searchAnswersDownToTheSectionAnchor() {
        JsonNode body = server.json("/api/search?q=" + RunningServer.encode("port in use"));
        assertThat(body.get("query").asText()).isEqualTo("port in use");
        assertThat(body.get("total").asLong()).isPositive();
        assertThat(body.get("tookMs").isNumber()).isTrue();
        assertThat(body.has("didYouMean")).isTrue();
        JsonNode first = body.get("hits").get(0);
        assertThat(first.get("url").asText()).isEqualTo("/troubleshooting/gateway-fails-to-start#port-conflict");
        assertThat(first.get("path").asText()).isEqualTo("/troubleshooting/gateway-fails-to-start");
        assertThat(first.get("anchor").asText()).isEqualTo("port-conflict");
        assertThat(first.get("title").asText()).isEqualTo("Gateway fails to start");
        assertThat(first.get("heading").asText()).isEqualTo("Port conflict");
        assertThat(first.get("titles").toString()).isEqualTo("[\"Gateway fails to start\"]");
        assertThat(first.get("category").asText()).isEqualTo("troubleshooting");
        assertThat(first.get("snippet").asText()).contains("<mark>port</mark>");
        assertThat(first.get("score").asDouble()).isPositive();
    }

    @Test
    void hitsAreDistinctAndPagesFollowEachOther() {
        JsonNode all = server.json("/api/search?q=gateway&limit=20");
        Set<String> urls = new HashSet<>();
        all.get("hits")
                .forEach(hit -> assertThat(urls.add(hit.get("url").asText()))
                        .as("duplicate url")
                        .isTrue());
        assertThat(urls.size()).isGreaterThan(6);

        JsonNode firstPage = server.json("/api/search?q=gateway&limit=3");
        JsonNode secondPage = server.json("/api/search?q=gateway&limit=3&offset=3");
        assertThat(firstPage.get("hits")).hasSize(3);
        List<String> paged = new ArrayList<>();
        firstPage.get("hits").forEach(h -> paged.add(h.get("url").asText()));
        secondPage.get("hits").forEach(h -> paged.add(h.get("url").asText()));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            expected.add(all.get("hits").get(i).get("url").asText());
        }
        assertThat(paged).isEqualTo(expected);
    }

    @Test
    void articleLevelHitsHaveAnEmptyAnchorAndThePathAsUrl() {
        JsonNode hits = server.json("/api/search?q="
                        + RunningServer.encode("Diagnose and fix port conflicts missing binaries") + "&limit=10")
                .get("hits");
        JsonNode article = null;
        for (JsonNode hit : hits) {
            if (hit.get("anchor").asText().isEmpty()) {
                article = hit;
            }
        }
        assertThat(article).isNotNull();
        assertThat(article.get("url").asText()).isEqualTo(article.get("path").asText());
    }

    @Test
    void categoryFiltersHits() {
        assertThat(server.json("/api/search?q=gateway&category=security").get("hits"))
                .isEmpty();
        assertThat(server.json("/api/search?q=paste&category=security").get("hits"))
                .isNotEmpty();
    }

    @Test
    void snippetsEscapeArticleMarkup() {
        JsonNode hit = server.json("/api/search?q=paste+script").get("hits").get(0);
        String snippet = hit.get("snippet").asText();
        assertThat(snippet).contains("<mark>");
        String unmarked = snippet.replace("<mark>", "").replace("</mark>", "");
        assertThat(unmarked)
                .contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<", ">");
    }

    @Test
    void answerGivesOneConfidentSectionWithItsBody() {
        JsonNode body = server.json("/api/answer?q=" + RunningServer.encode("EADDRINUSE: port 18789 already in use"));
        JsonNode answer = body.get("answer");
        assertThat(answer.get("url").asText()).isEqualTo("/troubleshooting/gateway-fails-to-start#port-conflict");
        assertThat(answer.get("html").asText()).contains("<ol>").contains("<code>lsof -i :18789</code>");
        assertThat(answer.get("text").asText()).contains("lsof -i :18789").doesNotContain("<");
        assertThat(answer.get("confidence").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void answerDeclinesRatherThanGuess() {
        JsonNode body = server.json("/api/answer?q=" + RunningServer.encode("printer paper tray jammed"));
        assertThat(body.get("answer").isNull()).isTrue();
        assertThat(body.has("hits")).isTrue();
    }

    @Test
    void suggestCompletesAnyWordOfTitlesAndHeadings() {
        JsonNode suggestions = server.json("/api/suggest?q=sig").get("suggestions");
        assertThat(suggestions.size()).isBetween(1, 8);
        JsonNode first = suggestions.get(0);
        assertThat(first.get("text").asText()).isEqualTo("Cannot sign in");
        assertThat(first.get("url").asText()).isEqualTo("/troubleshooting/cannot-sign-in");
        assertThat(first.get("highlighted").asText()).isEqualTo("Cannot <mark>sig</mark>n in");
        assertThat(first.has("title")).isTrue();
        assertThat(first.has("heading")).isTrue();
    }

    @Test
    void relatedArticlesComeFromTheSameHelpCenter() {
        JsonNode related = server.json("/api/articles/troubleshooting/cloud-desktop-not-connecting/related?limit=5")
                .get("related");
        List<String> paths = new ArrayList<>();
        related.forEach(r -> paths.add(r.get("path").asText()));
        assertThat(paths)
                .contains(
                        "/troubleshooting/agent-shows-disconnected",
                        "/troubleshooting/gateway-fails-to-start",
                        "/troubleshooting/cannot-sign-in")
                .doesNotContain("/troubleshooting/cloud-desktop-not-connecting");
        assertThat(server.json("/api/articles/troubleshooting/cloud-desktop-not-connecting/related?limit=1")
                        .get("related"))
                .hasSize(1);
    }

    @Test
    void healthSaysWhatIsServed() {
        JsonNode health = server.json("/healthz");
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("articles").asInt()).isEqualTo(5);
        assertThat(health.get("sections").asInt()).isEqualTo(26);
        assertThat(health.get("indexedAt").asText()).isNotBlank();
        assertThat(health.get("indexVersion").asLong()).isPositive();
    }

    @Test
    void articlesAreServedAtTheirOwnPathWithTheirAnchors() {
        HttpResponse<String> page = server.get("/troubleshooting/gateway-fails-to-start");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body())
                .contains(
                        "id=\"port-conflict\"",
                        "<h1>Gateway fails to start</h1>",
                        "Related articles",
                        "href=\"#data-directory-inaccessible\"");
        HttpResponse<String> missing = server.get("/troubleshooting/no-such-article");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found");
    }

    @Test
    void errorsAreJsonWithACode() {
        record Case(String path, int status, String code) {}
        List<Case> cases = List.of(
                new Case("/api/search", 400, "missing_query"),
                new Case("/api/search?q=", 400, "missing_query"),
                new Case("/api/search?q=%20%20", 400, "missing_query"),
                new Case("/api/search?q=" + "a".repeat(4001), 400, "query_too_long"),
                new Case("/api/search?q=x&limit=0", 400, "invalid_limit"),
                new Case("/api/search?q=x&limit=51", 400, "invalid_limit"),
                new Case("/api/search?q=x&limit=ten", 400, "invalid_limit"),
                new Case("/api/search?q=x&offset=-1", 400, "invalid_offset"),
                new Case("/api/search?q=x&offset=1.5", 400, "invalid_offset"),
                new Case("/api/answer", 400, "missing_query"),
                new Case("/api/suggest?q=", 400, "missing_query"),
                new Case("/api/articles/troubleshooting/nope/related", 404, "unknown_article"),
                new Case("/api/articles/troubleshooting/cannot-sign-in/related?limit=x", 400, "invalid_limit"),
                new Case("/_/v1/nothing-here", 404, "not_found"),
                new Case("/_/nothing-here", 404, "not_found"),
                new Case("/_/v1/search?q=x&lmit=5", 400, "unknown_parameter"),
                new Case("/_/v1/search?q=x&q=y", 400, "repeated_parameter"),
                new Case("/_/v1/search?q=x&category=nope", 400, "unknown_category"),
                new Case("/_/v1/search?q=x&category=", 400, "invalid_category"),
                new Case("/_/v1/search?q=x&facets=tags", 400, "unknown_facet"),
                new Case("/_/v1/search?q=x&page=0", 400, "invalid_page"),
                new Case("/_/v1/search?q=x&page=2&offset=10", 400, "invalid_page"),
                new Case("/_/v1/answer?q=x&limit=3", 400, "unknown_parameter"),
                new Case("/_/v1/suggest?q=x&category=a", 400, "unknown_parameter"),
                new Case("/_/v1/articles/troubleshooting/nope", 404, "unknown_article"),
                new Case("/_/v1/related/troubleshooting/nope", 404, "unknown_article"),
                new Case("/_/v1/related/troubleshooting/cannot-sign-in?limit=0", 400, "invalid_limit"));
        for (Case c : cases) {
            HttpResponse<String> response = server.get(c.path());
            assertThat(response.statusCode()).as(c.path()).isEqualTo(c.status());
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(c.path())
                    .startsWith("application/json");
            JsonNode error = RunningServer.parse(response.body()).get("error");
            assertThat(error.get("code").asText()).as(c.path()).isEqualTo(c.code());
            assertThat(error.get("message").asText()).as(c.path()).isNotBlank();
        }
    }

    @Test
    void wrongMethodsGet405() {
        HttpResponse<String> response = server.send(
                HttpRequest.newBuilder(server.uri("/api/search?q=x")).DELETE().build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(RunningServer.parse(response.body()).get("error").get("code").asText())
                .isEqualTo("method_not_allowed");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        HttpResponse<String> page = server.get("/troubleshooting/cannot-sign-in");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).isPresent();
    }
}
