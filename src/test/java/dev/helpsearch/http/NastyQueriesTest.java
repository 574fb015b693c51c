package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No query text can make the server fail: syntax, quotes, unicode and control characters are just text. */
class NastyQueriesTest {

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

    static List<String> queries() {
        return List.of(
                "AND",
                "OR",
                "NOT",
                "AND OR NOT",
                "port AND",
                "( )",
                "(port",
                "port)",
                "\"",
                "\"\"",
                "\"port",
                "port\"",
                "\"\"\"\"\"",
                "*",
                "?",
                "*port",
                "port*",
                "?ort",
                "p*t",
                "~",
                "port~",
                "port~2",
                "^",
                "port^10",
                ":",
                "title:port",
                "\\",
                "\\\\",
                "/",
                "/regex/",
                "/.*/",
                "[",
                "]",
                "[0 TO 9]",
                "{",
                "}",
                "{a TO b}",
                "!",
                "!port",
                "+port -gateway",
                "--",
                "-",
                "&&",
                "||",
                "port && gateway || !login",
                "lsof -i :18789",
                "~/.openclaw/openclaw.json",
                "%APPDATA%\\OpenClaw\\bin\\openclaw.exe",
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "' OR 1=1 --",
                "%00",
                "\u0000",
                "\u0000port\u0000",
                "\u0007\u001b[31m",
                "\t\n\r",
                "\u200b\u200b",
                "\ufeff",
                "\u202etrop\u202c",
                "שלום",
                "مرحبا",
                "日本語",
                "e\u0301\u0301\u0301\u0301",
                "👍",
                "🔥 port 🔥",
                "👨‍👩‍👧",
                "\ud83d",
                "a".repeat(4000),
                "port ".repeat(800),
                "x",
                "1",
                "0",
                "-1",
                "18789",
                "9".repeat(300),
                "NaN",
                "null",
                "undefined",
                "{{ $doc.title }}",
                "::callout",
                ":read-more{to=\"/x\"}",
                "#",
                "# heading",
                "***",
                "___",
                "`code`",
                "```",
                "<>",
                "&amp;",
                "&#0;",
                "%",
                "%%",
                "%zz",
                "100%");
    }

    @ParameterizedTest
    @MethodSource("queries")
    void everyEndpointAnswers200Or400(String query) {
        for (String endpoint : List.of("/api/search?q=", "/api/answer?q=", "/api/suggest?q=")) {
            HttpResponse<String> response = server.get(endpoint + RunningServer.encode(query));
            assertThat(response.statusCode()).as(endpoint + " " + query).isIn(200, 400);
            assertThat(RunningServer.parse(response.body()).isObject()).isTrue();
        }
    }
}
