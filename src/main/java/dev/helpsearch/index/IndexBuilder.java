package dev.helpsearch.index;

import dev.helpsearch.article.Article;
import dev.helpsearch.article.ArticleLoader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes the index of a set of articles, from scratch or as an update of the index already there.
 * Either way the change is a single Lucene commit: until that commit is durable, readers (and a
 * restarted server) see the previous index whole; a crash, a full disk or a kill at any moment
 * leaves it intact, and the half-written files are swept by the next writer.
 */
public final class IndexBuilder {

    /** Commit data key of the editors' synonyms, which switch with the index they were indexed with. */
    public static final String SYNONYMS_KEY = "helpsearch.synonyms";
    /** Commit data key saying whether drafts were indexed: changing that means indexing anew. */
    private static final String DRAFTS_KEY = "helpsearch.drafts";
    private static final Set<String> INDEXED_FIELDS = Set.of(IndexFields.FILE, IndexFields.PATH, IndexFields.CONTENT_HASH);

    private final Clock clock;

    public IndexBuilder(Clock clock) {
        this.clock = clock;
    }

    public IndexBuilder() {
        this(Clock.systemUTC());
    }

    /** Replaces whatever index is in {@code indexDir} with one of exactly these articles. */
    public IndexMetadata rebuild(Path indexDir, List<Article> articles) throws IOException {
        try (Update update = begin(indexDir, true)) {
            for (Article article : articles) {
                update.add(article);
            }
            return update.commit("", "", false);
        }
    }

    /**
     * Starts a change to the index in {@code indexDir}: a new index replacing it ({@code anew}),
     * or an update of it in place. Nothing is visible until {@link Update#commit}; closing an
     * update that was not committed throws it all away.
     */
    public Update begin(Path indexDir, boolean anew) throws IOException {
        Files.createDirectories(indexDir);
        Directory directory = FSDirectory.open(indexDir);
        try {
            long version = previousVersion(directory) + 1;
            IndexWriterConfig config = new IndexWriterConfig(Analysis.forIndexing())
                    .setOpenMode(anew ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(64);
            return new Update(directory, new IndexWriter(directory, config), version);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * One change to an index: articles removed and added, from any number of threads, then made
     * visible at once by {@link #commit} or dropped by {@link #close}.
     */
    public final class Update implements Closeable {

        private final Directory directory;
        private final IndexWriter writer;
        private final long version;
        private boolean committed;

        private Update(Directory directory, IndexWriter writer, long version) {
            this.directory = directory;
            this.writer = writer;
            this.version = version;
        }

        /**
         * Removes the article at {@code path} with its sections. Only documents added before the
         * call go, so an edited article is removed before its new version is added.
         */
        public void remove(String path) throws IOException {
            writer.deleteDocuments(new Term(IndexFields.PATH, path));
        }

        /** Adds an article and its sections; safe to call from several threads at once. */
        public void add(Article article) {
            try {
                writer.addDocuments(ArticleDocuments.of(article));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Makes the change visible in one commit, with the editors' synonyms (already validated),
         * the fingerprint of the files it came from, and whether drafts were included.
         */
        public IndexMetadata commit(String synonyms, String sourceFingerprint, boolean includeDrafts) throws IOException {
            int articleCount;
            int sectionCount;
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                articleCount = searcher.count(new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_ARTICLE)));
                sectionCount = searcher.count(new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_SECTION)));
            }
            IndexMetadata metadata = new IndexMetadata(version, clock.instant(), articleCount, sectionCount,
                    IndexMetadata.CURRENT_SCHEMA, sourceFingerprint);
            Map<String, String> commitData = new LinkedHashMap<>(metadata.toCommitData());
            commitData.put(SYNONYMS_KEY, synonyms);
            commitData.put(DRAFTS_KEY, Boolean.toString(includeDrafts));
            writer.setLiveCommitData(commitData.entrySet());
            writer.commit();
            committed = true;
            return metadata;
        }

        @Override
        public void close() throws IOException {
            try {
                if (committed) {
                    writer.close();
                } else {
                    writer.rollback();
                }
            } finally {
                directory.close();
            }
        }
    }

    /**
     * What the index in {@code indexDir} holds, by source file, when it can be updated in place:
     * empty when there is no index, it is damaged, of another layout, or was built with drafts
     * {@code includeDrafts} differently.
     */
    public Optional<Map<String, ArticleLoader.Indexed>> indexedFiles(Path indexDir, boolean includeDrafts) {
        if (!Files.isDirectory(indexDir)) {
            return Optional.empty();
        }
        try (Directory directory = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return Optional.empty();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Map<String, String> userData = reader.getIndexCommit().getUserData();
                IndexMetadata metadata = IndexMetadata.fromCommitData(userData);
                if (metadata == null || metadata.schema() != IndexMetadata.CURRENT_SCHEMA
                        || !Boolean.toString(includeDrafts).equals(userData.get(DRAFTS_KEY))) {
                    return Optional.empty();
                }
                IndexSearcher searcher = new IndexSearcher(reader);
                TermQuery articles = new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_ARTICLE));
                Map<String, ArticleLoader.Indexed> files = new HashMap<>();
                StoredFields stored = reader.storedFields();
                for (ScoreDoc hit : searcher.search(articles, Math.max(1, reader.maxDoc())).scoreDocs) {
                    Document doc = stored.document(hit.doc, INDEXED_FIELDS);
                    files.put(doc.get(IndexFields.FILE),
                            new ArticleLoader.Indexed(doc.get(IndexFields.PATH), doc.get(IndexFields.CONTENT_HASH)));
                }
                return Optional.of(files);
            }
        } catch (IOException | RuntimeException e) {
            // whatever is wrong with it, a fresh index replaces it
            return Optional.empty();
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
