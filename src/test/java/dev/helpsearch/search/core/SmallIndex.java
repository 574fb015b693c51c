package dev.helpsearch.search.core;

import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.index.Reindexer;
import dev.helpsearch.semantic.Embedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A few articles written to a folder and indexed by words alone, for the search stages' own tests. */
public final class SmallIndex {

    /**
     * One article of two sections, both about the gateway, which the reranking stages' tests share:
     * "gateway" is in the title of both, "permission denied" only in the second section's heading and body.
     */
    public static final Map<String, String> GATEWAY = Map.of("troubleshooting/1.gateway.md", """
            ---
            title: Gateway fails to start
            description: When the local gateway does not come up.
            ---

            ## Port conflict

            Another process already uses port 18789.

            ## Permission denied

            The gateway cannot write its configuration file: permission denied.
            """);

    private SmallIndex() {}

    /**
     * @param files Markdown text by path under the articles folder ({@code "guide/1.routing.md"})
     * @return the index, open for searching; the caller closes it
     */
    public static LiveIndex of(Path work, Map<String, String> files) throws IOException {
        Path articles = work.resolve("articles");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = articles.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        Path index = work.resolve("index");
        new Reindexer(articles, index, false, new IndexBuilder((Embedder) null), metadata -> {}).reindex();
        return LiveIndex.open(index);
    }
}
