package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The constant response bench/run compares the API with exists only when asked for. */
class BenchConstantTest {

    private static final String PROPERTY = "helpsearch.bench.constant";

    @TempDir
    Path work;

    @Test
    void absentUnlessTheBenchmarkAsksForIt() throws IOException {
        try (RunningServer server = RunningServer.start(work)) {
            assertThat(server.get("/bench/constant").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void servesTheFileAsJsonReadAtEachRequest() throws IOException {
        Path file = work.resolve("constant.json");
        System.setProperty(PROPERTY, file.toString());
        try (RunningServer server = RunningServer.start(work.resolve("server"))) {
            Files.writeString(file, "{\"hits\":[1,2,3]}");
            HttpResponse<String> response = server.get("/bench/constant");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).isEqualTo("{\"hits\":[1,2,3]}");
        } finally {
            System.clearProperty(PROPERTY);
        }
    }
}
