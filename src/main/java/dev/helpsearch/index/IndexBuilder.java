package dev.helpsearch.index;

import dev.helpsearch.article.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes the index of a set of articles. The new index replaces the old one in a single Lucene
 * commit: until that commit is durable, readers (and a restarted server) see the previous index
 * whole; a crash, a full disk or a kill at any moment leaves it intact, and the half-written files
 * are swept by the next writer.
 */
public final class IndexBuilder {

    /** Commit data key of the editors' synonyms, which switch with the index they were indexed with. */
    public static final String SYNONYMS_KEY = "helpsearch.synonyms";

    private final Clock clock;

    public IndexBuilder(Clock clock) {
        this.clock = clock;
    }

    public IndexBuilder() {
        this(Clock.systemUTC());
    }

    /** Replaces whatever index is in {@code indexDir} with one of exactly these articles. */
    public IndexMetadata rebuild(Path indexDir, List<Article> articles) throws IOException {
        return rebuild(indexDir, articles, "", "");
    }

    /**
     * Replaces whatever index is in {@code indexDir} with one of exactly these articles, with the
     * editors' synonyms (already validated) and the fingerprint of the files they came from.
     */
    public IndexMetadata rebuild(Path indexDir, List<Article> articles, String synonyms, String sourceFingerprint)
            throws IOException {
        Files.createDirectories(indexDir);
        try (Directory directory = FSDirectory.open(indexDir)) {
            long version = previousVersion(directory) + 1;
            IndexWriterConfig config = new IndexWriterConfig(Analysis.forIndexing())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(directory, config);
            try {
                int sections = 0;
                for (Article article : articles) {
                    writer.addDocuments(ArticleDocuments.of(article));
                    sections += article.sections().size();
                }
                IndexMetadata metadata = new IndexMetadata(version, clock.instant(), articles.size(), sections,
                        IndexMetadata.CURRENT_SCHEMA, sourceFingerprint);
                Map<String, String> commitData = new LinkedHashMap<>(metadata.toCommitData());
                commitData.put(SYNONYMS_KEY, synonyms);
                writer.setLiveCommitData(commitData.entrySet());
                writer.commit();
                writer.close();
                return metadata;
            } catch (IOException | RuntimeException | Error e) {
                writer.rollback();
                throw e;
            }
        }
    }

    /** The version of the index now in {@code directory}, or 0 if it has none (or none readable). */
    private static long previousVersion(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return 0;
            }
            IndexMetadata previous = IndexMetadata.fromCommitData(SegmentInfos.readLatestCommit(directory).getUserData());
            return previous == null ? 0 : previous.version();
        } catch (IndexNotFoundException e) {
            return 0;
        } catch (IOException e) {
            // A damaged previous index is being replaced: start the count again rather than fail.
            return 0;
        }
    }
}
