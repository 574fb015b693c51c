package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.helpsearch.http.RunningServer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {

    @TempDir
    Path work;

    @Test
    void jsonOutputIsTheApisBody() throws IOException {
        try (RunningServer server = RunningServer.start(work)) {
            for (String query : new String[] {"port in use", "black screen", "sig", "\"session token\" expired"}) {
                ObjectNode api = (ObjectNode)
                        RunningServer.parse(server.get("/api/search?limit=5&q=" + RunningServer.encode(query))
                                .body());
                CliRun run = CliRun.of("search", "--index", server.index.toString(), "--limit", "5", "--json", query);
                assertThat(run.exitCode()).isZero();
                ObjectNode cli = (ObjectNode) RunningServer.parse(run.out());
                api.remove("tookMs");
                cli.remove("tookMs");
                assertThat(cli).as(query).isEqualTo(api);
            }
        }
    }

    @Test
    void humanOutputListsHitsWithTheirUrls() throws IOException {
        try (RunningServer server = RunningServer.start(work)) {
            CliRun run = CliRun.of("search", "--index", server.index.toString(), "port", "in", "use");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains(
                            " 1. Gateway fails to start \u203a Port conflict",
                            "/troubleshooting/gateway-fails-to-start#port-conflict",
                            "[port]");
        }
    }

    @Test
    void aMissingIndexIsAClearError() {
        CliRun run = CliRun.of("search", "--index", work.resolve("none").toString(), "anything");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no index at").contains("helpsearch index");
    }
}
