package dev.helpsearch.index;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an index says about itself, kept in the Lucene commit so it switches atomically with the
 * documents it describes.
 *
 * @param version   increases by one with every rebuild or update of this index
 * @param indexedAt when the commit was made
 * @param articles  article documents in the index
 * @param sections  section documents in the index
 * @param schema    the layout version; an index of another layout is refused, not misread
 * @param sources   fingerprint of the article files it was built from, to tell whether it is stale
 * @param embedder  the model whose vectors the documents carry, "" when they carry none
 */
public record IndexMetadata(long version, Instant indexedAt, int articles, int sections, int schema, String sources,
        String embedder) {

    public boolean hasVectors() {
        return !embedder.isEmpty();
    }

    /** Bumped whenever fields or analysis change in a way an old index would answer wrongly. */
    public static final int CURRENT_SCHEMA = 8;

    public Map<String, String> toCommitData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("helpsearch.version", Long.toString(version));
        data.put("helpsearch.indexedAt", indexedAt.toString());
        data.put("helpsearch.articles", Integer.toString(articles));
        data.put("helpsearch.sections", Integer.toString(sections));
        data.put("helpsearch.schema", Integer.toString(schema));
        data.put("helpsearch.sources", sources);
        data.put("helpsearch.embedder", embedder);
        return data;
    }

    /** The metadata of a commit, or null when the commit was not written by helpsearch. */
    public static IndexMetadata fromCommitData(Map<String, String> data) {
        if (!data.containsKey("helpsearch.schema")) {
            return null;
        }
        return new IndexMetadata(
                Long.parseLong(data.get("helpsearch.version")),
                Instant.parse(data.get("helpsearch.indexedAt")),
                Integer.parseInt(data.get("helpsearch.articles")),
                Integer.parseInt(data.get("helpsearch.sections")),
                Integer.parseInt(data.get("helpsearch.schema")),
                data.getOrDefault("helpsearch.sources", ""),
                data.getOrDefault("helpsearch.embedder", ""));
    }
}
