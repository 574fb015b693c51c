package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAndCorsTest {

    private static final String TOKEN = "s3cret-token-for-tests";

    @TempDir
    Path work;

    private static HttpRequest reindex(RunningServer server, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.uri("/api/admin/reindex")).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    @Test
    void adminIsOffWithoutAToken() throws IOException {
        try (RunningServer server = RunningServer.start(work)) {
            HttpResponse<String> response = server.send(reindex(server, "anything"));
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(RunningServer.parse(response.body())
                            .get("error")
                            .get("code")
                            .asText())
                    .isEqualTo("admin_disabled");
        }
    }

    @Test
    void reindexNeedsTheTokenAndReportsBadArticlesWithFileAndLine() throws IOException {
        try (RunningServer server = RunningServer.start(work, null, new ServerSettings(List.of(), TOKEN, 2_000))) {
            assertThat(server.send(reindex(server, null)).statusCode()).isEqualTo(401);
            assertThat(server.send(reindex(server, "wrong")).statusCode()).isEqualTo(401);

            Files.writeString(
                    server.articles.resolve("troubleshooting/08.new.md"),
                    "---\ntitle: Fresh article\n---\n\n## Kumquat\n\nNew.\n");
            HttpResponse<String> ok = server.send(reindex(server, TOKEN));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(RunningServer.parse(ok.body()).get("articles").asInt()).isEqualTo(5);
            assertThat(server.json("/api/search?q=kumquat")
                            .get("hits")
                            .get(0)
                            .get("anchor")
                            .asText())
                    .isEqualTo("kumquat");

            Files.writeString(server.articles.resolve("troubleshooting/09.broken.md"), "---\ntitle: [broken\n---\n");
            HttpResponse<String> bad = server.send(reindex(server, TOKEN));
            assertThat(bad.statusCode()).isEqualTo(400);
            JsonNode error = RunningServer.parse(bad.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("invalid_articles");
            assertThat(error.get("problems").get(0).get("file").asText()).isEqualTo("troubleshooting/09.broken.md");
            assertThat(error.get("problems").get(0).get("line").asInt()).isEqualTo(2);
            assertThat(server.json("/healthz").get("articles").asInt()).isEqualTo(5);
        }
    }

    @Test
    void corsOnlyForConfiguredOrigins() throws IOException {
        ServerSettings settings = new ServerSettings(List.of("https://help.example.com"), null, 2_000);
        try (RunningServer server = RunningServer.start(work, null, settings)) {
            HttpResponse<String> allowed = server.get("/api/search?q=port", "Origin", "https://help.example.com");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("https://help.example.com");
            HttpResponse<String> other = server.get("/api/search?q=port", "Origin", "https://evil.example.net");
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();

            HttpResponse<String> preflight = server.send(HttpRequest.newBuilder(server.uri("/api/search?q=port"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://help.example.com")
                    .header("Access-Control-Request-Method", "GET")
                    .build());
            assertThat(preflight.statusCode()).isBetween(200, 204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("https://help.example.com");
            assertThat(preflight
                            .headers()
                            .firstValue("Access-Control-Allow-Methods")
                            .orElse(""))
                    .contains("GET");
            HttpResponse<String> otherPreflight = server.send(HttpRequest.newBuilder(server.uri("/api/search?q=port"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://evil.example.net")
                    .header("Access-Control-Request-Method", "GET")
                    .build());
            assertThat(otherPreflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
    }

    @Test
    void aStarAllowsAnyOrigin() throws IOException {
        try (RunningServer server = RunningServer.start(work, null, new ServerSettings(List.of("*"), null, 2_000))) {
            HttpResponse<String> any = server.get("/api/search?q=port", "Origin", "https://anywhere.example.org");
            assertThat(any.statusCode()).isEqualTo(200);
            assertThat(any.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValueSatisfying(value -> assertThat(value).isIn("*", "https://anywhere.example.org"));
            assertThat(any.headers().firstValue("Access-Control-Allow-Credentials"))
                    .isEmpty();
        }
    }

    @Test
    void noOriginsNoCorsHeaders() throws IOException {
        try (RunningServer server = RunningServer.start(work)) {
            HttpResponse<String> response = server.get("/api/search?q=port", "Origin", "https://help.example.com");
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
    }

    @Test
    void siteUrlMakesHitUrlsAbsolute() throws IOException {
        try (RunningServer server =
                RunningServer.start(work, "https://help.example.com/", new ServerSettings(List.of(), null, 2_000))) {
            JsonNode hit =
                    server.json("/api/search?q=port+conflict").get("hits").get(0);
            assertThat(hit.get("url").asText())
                    .isEqualTo("https://help.example.com/troubleshooting/gateway-fails-to-start#port-conflict");
            assertThat(hit.get("path").asText()).isEqualTo("/troubleshooting/gateway-fails-to-start");
        }
    }
}
