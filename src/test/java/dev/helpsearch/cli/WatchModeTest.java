package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real `serve --watch` as a child process: an article that once wedged indexing is dropped
 * into the folder. The server keeps answering from the last good index, /_/healthz names the
 * article and its line, and the next good edit is indexed as usual: the watcher is not stuck.
 */
class WatchModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous for a loaded 2-core machine; each wait ends as soon as the server shows the change. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aHostileArticleIsReportedWhileTheServerKeepsServingAndTheNextGoodEditIsApplied() throws Exception {
        Path articles = work.resolve("articles");
        Files.createDirectories(articles.resolve("faq"));
        Files.writeString(
                articles.resolve("faq/01.reset.md"),
                "---\ntitle: Reset your password\n---\n\n## Steps\n\nClick reset.\n");
        Process server = ServeProcess.start(
                work.resolve("serve.err"),
                List.of("--add-modules", "jdk.incubator.vector"),
                ServeProcess.lexicalOnFreePort(articles, work.resolve("index"), work.resolve("data"), "--watch"));
        try {
            int port = ServeProcess.portOf(server);
            assertThat(health(port).get("problems").asInt()).isZero();

            Path hostile = articles.resolve("faq/02.callouts.md");
            Files.writeString(hostile, HostileArticlesTest.unclosedOpeners());
            JsonNode reported =
                    waitFor(port, "/_/healthz", h -> h.get("problems").asInt() == 1);
            assertThat(reported.get("lastProblem").asText())
                    .startsWith("faq/02.callouts.md:37: blocks nested more than 32 deep")
                    .endsWith("(limit 32)");
            assertThat(reported.get("articles").asInt())
                    .as("the last good index keeps serving")
                    .isEqualTo(1);
            assertThat(get(port, "/_/v1/search?q=reset").body()).contains("/faq/reset#steps");

            Files.writeString(
                    hostile, "---\ntitle: Callouts\n---\n\n::callout\nThe zebra toner goes in the back.\n::\n");
            waitFor(port, "/_/v1/search?q=zebra", hits -> hits.toString().contains("/faq/callouts"));
            JsonNode healthy = health(port);
            assertThat(healthy.get("problems").asInt()).isZero();
            assertThat(healthy.get("lastProblem").isNull()).isTrue();
            assertThat(healthy.get("articles").asInt()).isEqualTo(2);
            assertThat(Files.readString(work.resolve("serve.err")))
                    .contains("02.callouts.md:37: blocks nested more than 32 deep");
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private JsonNode waitFor(int port, String path, Predicate<JsonNode> shows) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = JSON.readTree(get(port, path).body());
            if (shows.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not change within " + PATIENCE + "; last answer: " + last
                + "\nserver log:\n" + Files.readString(work.resolve("serve.err")));
    }

    private JsonNode health(int port) throws Exception {
        return JSON.readTree(get(port, "/_/healthz").body());
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response;
    }
}
