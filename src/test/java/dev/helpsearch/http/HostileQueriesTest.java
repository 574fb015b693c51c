package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 generated hostile queries through the real server, spread over the three query
 * endpoints: none may get a 500, every refusal is a JSON error naming the problem. Every 25th is
 * sent as raw bytes on the request line (invalid %-escapes, bare non-ASCII), which a normal
 * client would refuse to send. The slowest server-side time is printed, not asserted tightly:
 * timings belong to the benchmarks, this asserts only that nothing hangs (1 s per request).
 */
class HostileQueriesTest {

    private static final int QUERIES = 100_000;
    private static final int THREADS = 4;
    private static final long SEED = 20261124L;
    private static final List<String> ENDPOINTS = List.of("/api/search", "/api/suggest", "/api/answer");

    @TempDir
    Path work;

    private record Failure(String target, int status, String body) {}

    @Test
    void noHostileQueryGetsA500OrANonJsonError() throws Exception {
        try (RunningServer server = RunningServer.start(work)) {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
            LongAdder retries = new LongAdder();
            ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    HostileQueries generator = new HostileQueries(SEED + thread);
                    for (int i = thread; i < QUERIES; i += THREADS) {
                        String endpoint = ENDPOINTS.get(i % ENDPOINTS.size());
                        boolean raw = i % 25 == 0;
                        int status;
                        String body;
                        String target = endpoint + "?q="
                                + (raw ? generator.nextRawQueryString() : RunningServer.encode(generator.next()));
                        // A request line the server refuses as too long (414) ends with the server
                        // closing the connection; on a pooled connection the client can race that
                        // close and have its next request read as the rest of the refused one.
                        // Those go on a connection of their own, as a browser's would after a 414.
                        if (raw || target.length() > ServerSettings.MAX_HEADER_BYTES / 2) {
                            RawHttp.Response response = sendRaw(server.port(), target, retries);
                            status = response.status();
                            body = response.body();
                        } else {
                            HttpResponse<String> response = send(client, server.uri(target), retries);
                            status = response.statusCode();
                            body = response.body();
                        }
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        if (!acceptable(status, body)) {
                            failures.add(new Failure(
                                    target.substring(0, Math.min(200, target.length())),
                                    status,
                                    body.substring(0, Math.min(300, body.length()))));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();

            Map<Integer, Long> counts = new TreeMap<>();
            statuses.forEach((status, count) -> counts.put(status, count.sum()));
            double slowest = server.metrics().slowestMillis();
            System.out.printf(
                    "hostile queries: %d sent, statuses %s, slowest server-side %.1f ms, client retries %d%n",
                    QUERIES, counts, slowest, retries.sum());

            assertThat(counts.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(QUERIES);
            assertThat(failures)
                    .as("responses that were 5xx or not a JSON error")
                    .isEmpty();
            assertThat(counts).containsKey(200).containsKey(400);
            assertThat(slowest).as("slowest request, ms").isLessThan(1_000);
            assertThat(retries.sum())
                    .as("connections dropped before an answer (each retried once)")
                    .isLessThan(QUERIES / 1_000);
        }
    }

    /** 200 with a JSON object; any 4xx with a JSON error that has a code and a message; never 5xx. */
    private static boolean acceptable(int status, String body) {
        if (status >= 500) {
            return false;
        }
        JsonNode json;
        try {
            json = RunningServer.parse(body);
        } catch (RuntimeException e) {
            return false;
        }
        if (status == 200) {
            return json.isObject();
        }
        JsonNode error = json.path("error");
        return status >= 400
                && error.path("code").isTextual()
                && error.path("message").isTextual()
                && !body.contains("Exception")
                && !body.contains("/work/")
                && !body.contains("\tat ");
    }

    /**
     * One retry when the connection fails: the JDK client may pick a pooled connection the server
     * has just closed (after a 414 it must close it). A second failure is the server's and fails.
     */
    /**
     * A raw request, sent once more (and counted) when no answer arrived: a target the server
     * refuses before reading it whole can race its close, and the reset discards the answer on
     * the client's side, as on a pooled connection above. An answer missing twice fails.
     */
    private static RawHttp.Response sendRaw(int port, String target, LongAdder retries) {
        try {
            return RawHttp.get(port, target);
        } catch (IllegalStateException | java.io.UncheckedIOException first) {
            retries.increment();
            return RawHttp.get(port, target);
        }
    }

    private static HttpResponse<String> send(HttpClient client, URI uri, LongAdder retries) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build();
        try {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException first) {
                retries.increment();
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "no answer for "
                            + uri.toString()
                                    .substring(0, Math.min(200, uri.toString().length())),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
