package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.article.ArticleLoader;
import dev.helpsearch.index.IndexBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another process re-indexes while requests run: the server follows the new commits within the
 * refresh interval and no request fails on the way.
 */
class HotReloadTest {

    @TempDir
    Path work;

    @Test
    void rebuildsUnderLoadNeverFailARequest() throws Exception {
        try (RunningServer server = RunningServer.start(work)) {
            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> clients = List.of(client(server, running, failures), client(server, running, failures));
            clients.forEach(Thread::start);
            Thread refresher = Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    try {
                        server.live.refresh();
                        Thread.sleep(20);
                    } catch (Exception e) {
                        failures.add("refresh: " + e);
                    }
                }
            });

            Path articles = server.articles;
            for (int round = 0; round < 5; round++) {
                Files.writeString(
                        articles.resolve("troubleshooting/09.round.md"),
                        "---\ntitle: Printer round " + round + "\n---\n\n## Toner zebra" + round
                                + "\n\nReplace the toner.\n");
                // a separate builder, as the `index` command in another process would
                new IndexBuilder()
                        .rebuild(
                                server.index,
                                new ArticleLoader().load(articles, false).articles());
            }
            long deadline = System.currentTimeMillis() + 2_000;
            String found = "";
            while (System.currentTimeMillis() < deadline && !found.contains("toner-zebra4")) {
                found = server.get("/api/search?q=zebra4").body();
                Thread.sleep(50);
            }
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
            refresher.join();

            assertThat(failures).isEmpty();
            assertThat(found).contains("toner-zebra4");
            assertThat(server.json("/healthz").get("articles").asInt()).isEqualTo(5);
        }
    }

    private static Thread client(RunningServer server, AtomicBoolean running, ConcurrentLinkedQueue<String> failures) {
        return new Thread(() -> {
            while (running.get()) {
                for (String q : List.of("port%20in%20use", "sign", "black%20screen", "toner")) {
                    var response = server.get("/api/search?q=" + q);
                    if (response.statusCode() != 200) {
                        failures.add(q + " -> " + response.statusCode() + " " + response.body());
                    }
                }
            }
        });
    }
}
