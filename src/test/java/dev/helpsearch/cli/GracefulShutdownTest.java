package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server as a child process, SIGTERM'd while a request is in flight: the request (a
 * re-index of 400 articles, slow enough to be caught in the middle) completes with 200,
 * then the process exits 0. The server's log shows the order: shutdown began before the request
 * was answered.
 */
class GracefulShutdownTest {

    private static final int ARTICLES = 400;

    @TempDir
    Path work;

    @Test
    void sigtermLetsTheRequestInFlightFinishThenExitsZero() throws Exception {
        Path articles = work.resolve("articles/guide");
        Files.createDirectories(articles);
        for (int i = 0; i < ARTICLES; i++) {
            Files.writeString(articles.resolve(i + ".md"), article(i, "first"));
        }
        Process server = ServeProcess.start(
                work.resolve("serve.err"),
                List.of("--add-modules", "jdk.incubator.vector", "-Dhelpsearch.request.log=INFO"),
                ServeProcess.lexicalOnFreePort(
                        work.resolve("articles"),
                        work.resolve("index"),
                        work.resolve("data"),
                        "--admin-token",
                        "shutdown-test-token"));
        try {
            int port = ServeProcess.portOf(server);
            for (int i = 0; i < ARTICLES; i++) {
                Files.writeString(articles.resolve(i + ".md"), article(i, "second"));
            }
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/reindex"))
                            .header("Authorization", "Bearer shutdown-test-token")
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300); // the re-index takes seconds; this only lets the request reach the server
            server.destroy(); // SIGTERM

            HttpResponse<String> response = inFlight.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"articles\":" + ARTICLES);
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isZero();
            String log = Files.readString(work.resolve("serve.err"));
            int shutdown = log.indexOf("shutting down");
            int answered = log.indexOf("method=POST path=/api/admin/reindex status=200");
            assertThat(shutdown).as("SIGTERM was handled").isNotNegative();
            assertThat(answered)
                    .as("the request was still in flight when SIGTERM came")
                    .isGreaterThan(shutdown);
        } finally {
            server.destroyForcibly();
        }
    }

    private static String article(int i, String edition) {
        return "---\ntitle: Guide " + i + "\n---\n\n## Setup " + i + "\n\nInstall the " + edition + " edition of part "
                + i + ".\n\n" + "## Details\n\n" + "More words about configuring part number " + i
                + " in depth. ".repeat(20) + "\n";
    }
}
