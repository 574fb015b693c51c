package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests built to escape the static folder or the article paths, and requests too big to
 * read: each is refused (4xx) with a JSON error, never a 500, never a file from outside, never a
 * stack trace or a server path. Sent as raw bytes so no client normalises them first.
 */
class HostileRequestsTest {

    @TempDir
    static Path work;

    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        server = RunningServer.start(work);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    static List<String> traversals() {
        return List.of(
                "/..%2f..%2fetc/passwd",
                "/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/..%252f..%252fetc%252fpasswd",
                "/%252e%252e/%252e%252e/etc/passwd",
                "/../../../../etc/passwd",
                "/./../etc/passwd",
                "/..\\..\\..\\etc\\passwd",
                "/..%5c..%5c..%5cetc%5cpasswd",
                "/..%255c..%255cetc%255cpasswd",
                "/%c0%ae%c0%ae/etc/passwd",
                "/%c0%af..%c0%afetc%c0%afpasswd",
                "/assets/..%2f..%2f..%2fetc/passwd",
                "/assets/../../../etc/passwd",
                "/assets/%2e%2e/%2e%2e/logback.xml",
                "/..%2flogback.xml",
                "/%2e%2e/logback.xml",
                "/web/../logback.xml",
                "/..%2fdev/helpsearch/http/ApiServer.class",
                "/%2e%2e%2fdev%2fhelpsearch%2fhttp%2fApiServer.class",
                "/troubleshooting/..%2f..%2f..%2fetc/passwd",
                "/troubleshooting/../../../../pom.xml",
                "/..%00/etc/passwd",
                "/etc/passwd%00.md",
                "//etc/passwd",
                "/file:///etc/passwd",
                "/api/articles/..%2f..%2fetc%2fpasswd",
                "/api/articles/../../etc/passwd",
                "/api/articles/%2e%2e/%2e%2e/etc/passwd",
                "/api/articles/..%252f..%252fetc%252fpasswd",
                "/api/articles/..\\..\\etc\\passwd",
                "/api/articles/troubleshooting/..%2f..%2f..%2fpom.xml/related",
                "/api/articles/%2fetc%2fpasswd");
    }

    @ParameterizedTest
    @MethodSource("traversals")
    void pathTraversalNeverLeavesItsFolder(String target) {
        RawHttp.Response response = RawHttp.get(server.port(), target);
        assertThat(response.status()).as(target).isBetween(200, 499);
        assertThat(response.body())
                .as(target)
                .doesNotContain("root:x:0:0")
                .doesNotContain("<configuration>")
                .doesNotContain("<project")
                .doesNotContain("Exception")
                .doesNotContain(work.toString())
                .doesNotContain("\tat ");
        if (response.status() >= 400
                && (target.startsWith("/api/") || response.head().contains("application/json"))) {
            assertThat(RunningServer.parse(response.body())
                            .path("error")
                            .path("code")
                            .isTextual())
                    .as(target)
                    .isTrue();
        }
        if (response.status() == 200) {
            // only an article page or the search page may come back, never a file
            assertThat(response.head()).as(target).containsIgnoringCase("content-type: text/html");
        }
    }

    @Test
    void anOversizedRequestLineIs414WithAJsonBody() {
        RawHttp.Response response = RawHttp.get(server.port(), "/api/search?q=" + "a".repeat(40_000));
        assertThat(response.status()).isEqualTo(414);
        assertJsonError(response, "uri_too_long");
    }

    @Test
    void oversizedHeadersAre431WithAJsonBody() {
        RawHttp.Response one = RawHttp.get(server.port(), "/api/search?q=port", "X-Big: " + "b".repeat(40_000));
        assertThat(one.status()).isEqualTo(431);
        assertJsonError(one, "headers_too_large");

        String[] many = new String[2_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = "X-H" + i + ": value";
        }
        RawHttp.Response lots = RawHttp.get(server.port(), "/api/search?q=port", many);
        assertThat(lots.status()).isEqualTo(431);
        assertJsonError(lots, "headers_too_large");
    }

    @Test
    void anOversizedBodyIsRefusedWithAJsonBody() {
        byte[] body = new byte[1024 * 1024];
        String head = "POST /api/admin/reindex HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length
                + "\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
        byte[] request = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
        RawHttp.Response response = RawHttp.send(server.port(), request);
        assertThat(response.status()).isBetween(400, 499);
        assertThat(RunningServer.parse(response.body())
                        .path("error")
                        .path("code")
                        .isTextual())
                .isTrue();
    }

    @Test
    void malformedRequestsAre400WithAJsonBody() {
        for (String target : List.of(
                "/api/search?q=%",
                "/api/search?q=%zz",
                "/api/search?q=%C0%AF",
                "/api/search?q=%ED%A0%80",
                "/%zz",
                "/api/articles/%ff%fe")) {
            RawHttp.Response response = RawHttp.get(server.port(), target);
            assertThat(response.status()).as(target).isIn(200, 400, 404);
            if (response.status() != 200) {
                assertThat(RunningServer.parse(response.body())
                                .path("error")
                                .path("code")
                                .isTextual())
                        .as(target)
                        .isTrue();
            }
        }
        RawHttp.Response garbage =
                RawHttp.send(server.port(), "GET\u0000 /\u0001 HTTP/9.9\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(garbage.status()).isBetween(400, 499);
        assertThat(garbage.body()).doesNotContain("Exception").doesNotContain("<html");
    }

    private static void assertJsonError(RawHttp.Response response, String code) {
        assertThat(response.head()).containsIgnoringCase("content-type: application/json");
        assertThat(RunningServer.parse(response.body())
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
