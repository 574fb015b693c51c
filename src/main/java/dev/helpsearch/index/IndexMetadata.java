package dev.helpsearch.index;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

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
 * @param drafts    whether articles marked draft were indexed too
 * @param synonyms  the editors' synonym rules (synonyms.txt, validated) the index was built with
 */
public record IndexMetadata(
        long version,
        Instant indexedAt,
        int articles,
        int sections,
        int schema,
        String sources,
        String embedder,
        boolean drafts,
        String synonyms) {

    // every key this project writes into a Lucene commit, here and nowhere else
    private static final String VERSION = "helpsearch.version";
    private static final String INDEXED_AT = "helpsearch.indexedAt";
    private static final String ARTICLES = "helpsearch.articles";
    private static final String SECTIONS = "helpsearch.sections";
    private static final String SCHEMA = "helpsearch.schema";
    private static final String SOURCES = "helpsearch.sources";
    private static final String EMBEDDER = "helpsearch.embedder";
    private static final String DRAFTS = "helpsearch.drafts";
    private static final String SYNONYMS = "helpsearch.synonyms";

    public boolean hasVectors() {
        return !embedder.isEmpty();
    }

    /** Bumped whenever fields or analysis change in a way an old index would answer wrongly. */
    public static final int CURRENT_SCHEMA = 8;

    public Map<String, String> toCommitData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(VERSION, Long.toString(version));
        data.put(INDEXED_AT, indexedAt.toString());
        data.put(ARTICLES, Integer.toString(articles));
        data.put(SECTIONS, Integer.toString(sections));
        data.put(SCHEMA, Integer.toString(schema));
        data.put(SOURCES, sources);
        data.put(EMBEDDER, embedder);
        data.put(DRAFTS, Boolean.toString(drafts));
        data.put(SYNONYMS, synonyms);
        return data;
    }

    /** The metadata of a commit, or null when the commit was not written by helpsearch. */
    public static IndexMetadata fromCommitData(Map<String, String> data) {
        if (!data.containsKey(SCHEMA)) {
            return null;
        }
        return new IndexMetadata(
                Long.parseLong(data.get(VERSION)),
                Instant.parse(data.get(INDEXED_AT)),
                Integer.parseInt(data.get(ARTICLES)),
                Integer.parseInt(data.get(SECTIONS)),
                Integer.parseInt(data.get(SCHEMA)),
                data.getOrDefault(SOURCES, ""),
                data.getOrDefault(EMBEDDER, ""),
                Boolean.parseBoolean(data.get(DRAFTS)),
                data.getOrDefault(SYNONYMS, ""));
    }

    /**
     * The metadata of the latest commit in {@code directory}: null when it holds no index or one
     * helpsearch did not write.
     *
     * @throws IOException when the commit cannot be read (a damaged index)
     */
    public static IndexMetadata latest(Directory directory) throws IOException {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return null;
            }
            return fromCommitData(SegmentInfos.readLatestCommit(directory).getUserData());
        } catch (IndexNotFoundException e) {
            return null;
        }
    }

    /** Whether this build can read the index: written by helpsearch in the current layout. */
    public boolean isCurrentLayout() {
        return schema == CURRENT_SCHEMA;
    }
}
