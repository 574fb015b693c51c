package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.helpsearch.testing.Folders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first `./helpsearch serve` on the bundled articles, through the real launcher:
 * it loads the model, indexes once with its vectors and answers by meaning, and its output is one log format
 * with nothing else in it: no JVM warnings, no colour codes, no line claiming a change nobody made.
 */
class FirstRunTest {

    private static final Pattern SERVING = Pattern.compile("http://localhost:(\\d+)/");
    private static final Pattern TEXT_LINE =
            Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (INFO |WARN |ERROR) \\S+ - .*");

    @TempDir
    Path work;

    @Test
    void theFirstServeIsQuietAndSaysWhatItDoes() throws Exception {
        Path articles = copyOfBundledArticles();
        Process server =
                start(Map.of(), ServeProcess.onFreePort(articles, work.resolve("index"), work.resolve("data")));
        try {
            int port = port(server);
            // indexed once, with the vectors: hybrid from the first answer on
            assertThat(get(port, "/healthz")).contains("\"mode\":\"hybrid\"");
            assertThat(get(port, "/api/search?q=port%20in%20use"))
                    .contains("/troubleshooting/gateway-fails-to-start#port-conflict");
            assertThat(stop(server)).isZero();
        } finally {
            server.destroyForcibly();
        }
        String log = log();
        assertThat(log)
                .contains("indexing " + articles)
                .contains("embedding model bge-small-en-v1.5-q ready")
                .doesNotContain("re-indexed after a change")
                .doesNotContain("adding the embedding model's vectors")
                .doesNotContain("WARNING")
                .doesNotContain("\u001b[");
        assertThat(log.lines().filter(line -> line.contains(" - indexed "))).hasSize(1);
        assertThat(log.lines()).allSatisfy(line -> assertThat(line).matches(TEXT_LINE));
    }

    @Test
    void jsonLogsAreOneObjectALine() throws Exception {
        Path articles = copyOfBundledArticles();
        Process server = start(
                Map.of("HELPSEARCH_LOG_FORMAT", "json"),
                ServeProcess.lexicalOnFreePort(articles, work.resolve("index"), work.resolve("data")));
        try {
            int port = port(server);
            get(port, "/healthz");
            assertThat(stop(server)).isZero();
        } finally {
            server.destroyForcibly();
        }
        ObjectMapper json = new ObjectMapper();
        List<String> lines = log().lines().toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            assertThat(event.path("level").asText()).as(line).isIn("INFO", "WARN", "ERROR");
            assertThat(event.path("loggerName").asText()).as(line).isNotEmpty();
            assertThat(event.has("formattedMessage")).as(line).isTrue();
        }
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains("\"formattedMessage\":\"shutting down: finishing requests in flight\""));
    }

    private Path copyOfBundledArticles() throws IOException {
        Path articles = work.resolve("articles");
        Folders.copyTree(Path.of("articles"), articles);
        return articles;
    }

    /** {@code helpsearch serve serveArgs} through the launcher script, as a user starts it. */
    private Process start(Map<String, String> env, String... serveArgs) throws IOException {
        List<String> command = new java.util.ArrayList<>(
                List.of("bash", Path.of("helpsearch").toAbsolutePath().toString(), "serve"));
        command.addAll(List.of(serveArgs));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(work.resolve("out").toFile())
                .redirectError(work.resolve("err").toFile());
        builder.environment().put("HELPSEARCH_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("HELPSEARCH_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("HELPSEARCH_LOG_FORMAT");
        builder.environment().putAll(env);
        return builder.start();
    }

    private int port(Process server) throws Exception {
        waitFor(() -> SERVING.matcher(read("out")).find() || !server.isAlive(), "the server to start");
        Matcher serving = SERVING.matcher(read("out"));
        assertThat(serving.find()).as(log()).isTrue();
        return Integer.parseInt(serving.group(1));
    }

    private static int stop(Process server) throws InterruptedException {
        server.destroy(); // SIGTERM, as a service manager stops it
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return server.exitValue();
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private String log() {
        return read("err");
    }

    private String read(String name) {
        try {
            return Files.readString(work.resolve(name));
        } catch (IOException e) {
            return "";
        }
    }

    private void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 120 s for " + what + "; log:\n" + log());
            }
            Thread.sleep(100);
        }
    }
}
