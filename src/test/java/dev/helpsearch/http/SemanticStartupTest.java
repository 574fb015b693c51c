package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.search.rank.SemanticModel;
import dev.helpsearch.semantic.BgeSmallEmbedder;
import dev.helpsearch.semantic.CountingEmbedder;
import dev.helpsearch.semantic.Embedder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start fast, then get smart: while the model is still loading the server already answers, by
 * words alone and saying so, and it searches by meaning from the moment the model is ready.
 */
class SemanticStartupTest {

    private static final String VIEWER_SECTION =
            "/troubleshooting/cloud-desktop-not-connecting#viewer-cant-establish-a-connection";

    @TempDir
    Path work;

    @Test
    void answersLexicallyUntilTheModelIsReadyThenByMeaningToo() throws Exception {
        try (BgeSmallEmbedder model = BgeSmallEmbedder.load()) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch settled = new CountDownLatch(1);
            SemanticModel semantic =
                    SemanticModel.loadInBackground(() -> awaitThen(release, model), settled::countDown);
            // the index already holds vectors (as after an earlier run): only the query side waits for the model
            try (RunningServer server = RunningServer.start(
                    work, null, new ServerSettings(List.of(), null, 2_000), new IndexBuilder(model), semantic)) {
                JsonNode loading = server.json("/healthz");
                assertThat(loading.get("mode").asText()).isEqualTo("lexical");
                assertThat(loading.get("semantic").asText()).isEqualTo("loading");

                String query = "/api/search?q=" + RunningServer.encode("port 18789 already in use");
                var lexical = server.get(query);
                assertThat(lexical.statusCode()).isEqualTo(200);
                JsonNode lexicalHits = RunningServer.parse(lexical.body()).get("hits");
                assertThat(lexicalHits.get(0).get("url").asText())
                        .isEqualTo("/troubleshooting/gateway-fails-to-start#port-conflict");

                // none of the viewer section's words: only its meaning connects it to the question
                String vague = "/api/search?q=" + RunningServer.encode("remote machine picture is empty");
                JsonNode byWords = server.json(vague);
                assertThat(urls(byWords)).doesNotContain(VIEWER_SECTION);

                release.countDown();
                assertThat(settled.await(30, TimeUnit.SECONDS)).isTrue();
                JsonNode ready = server.json("/healthz");
                assertThat(ready.get("mode").asText()).isEqualTo("hybrid");
                assertThat(ready.get("semantic").asText()).isEqualTo("ready");

                // the semantic side now takes part: the vague symptom finds more, the viewer section among it
                JsonNode hybrid = server.json(vague);
                assertThat(hybrid.get("total").asLong())
                        .isGreaterThan(byWords.get("total").asLong());
                assertThat(urls(hybrid)).contains(VIEWER_SECTION);
            }
        }
    }

    private static Embedder awaitThen(CountDownLatch release, BgeSmallEmbedder model) {
        try {
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the model");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new CountingEmbedder(model);
    }

    private static List<String> urls(JsonNode results) {
        return results.get("hits").findValuesAsText("url");
    }
}
