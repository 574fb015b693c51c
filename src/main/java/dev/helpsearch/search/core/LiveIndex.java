package dev.helpsearch.search.core;

import dev.helpsearch.index.IndexMetadata;
import dev.helpsearch.index.Synonyms;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index a running service answers from. Follows the commits other processes (or this one)
 * make to the index folder: {@link #refresh()} switches to the newest commit between requests,
 * never during one. A commit is only switched to after its files pass their checksums and its
 * layout is the one this build reads; otherwise the previous snapshot keeps serving.
 */
public final class LiveIndex implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

    /**
     * Lucene's bound on the leaf queries of one query, after rewriting; the query builder's stay far
     * below it by construction (QueryBoundsTest), but a long text's, strict and relaxed together,
     * can pass Lucene's default of 1,024.
     */
    public static final int MAX_CLAUSES = 16_384;

    private final Path path;
    private final Directory directory;
    private final SearcherManager manager;

    private LiveIndex(Path path, Directory directory, SearcherManager manager) {
        this.path = path;
        this.directory = directory;
        this.manager = manager;
    }

    /** Opens the index in {@code path}, refusing a missing, foreign or damaged one with a clear message. */
    public static LiveIndex open(Path path) throws IndexUnavailableException {
        // Lucene keeps the bound for the whole JVM; every search runs on a snapshot of a live index,
        // so it is raised here, once, before any query of ours is built or rewritten
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), MAX_CLAUSES));
        if (!Files.isDirectory(path)) {
            throw new IndexUnavailableException("no index at " + path + ": run `helpsearch index` to build one");
        }
        Directory directory = null;
        try {
            directory = FSDirectory.open(path);
            if (!DirectoryReader.indexExists(directory)) {
                throw new IndexUnavailableException("no index at " + path + ": run `helpsearch index` to build one");
            }
            SearcherManager manager = new SearcherManager(directory, new VerifyingFactory(path));
            return new LiveIndex(path, directory, manager);
        } catch (IndexUnavailableException e) {
            closeQuietly(directory);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(directory);
            throw new IndexUnavailableException(
                    "the index at " + path + " is damaged (" + e.getMessage()
                            + "); run `helpsearch index` to rebuild it",
                    e);
        }
    }

    /** Runs {@code work} against the current snapshot, which stays valid until it returns. */
    public <T> T withSnapshot(Function<IndexSnapshot, T> work) {
        IndexSearcher searcher;
        try {
            searcher = manager.acquire();
        } catch (IOException e) {
            throw new IllegalStateException("the index is closed", e);
        }
        try {
            return work.apply((IndexSnapshot) searcher);
        } finally {
            try {
                manager.release(searcher);
            } catch (IOException e) {
                LOG.warn("could not release an index snapshot: {}", e.getMessage());
            }
        }
    }

    /**
     * Switches to the newest commit if there is one. A commit that fails verification is not
     * served; the current snapshot stays, and the failure is reported.
     *
     * @return true if a newer commit is now being served
     */
    public boolean refresh() throws IOException {
        IndexMetadata before = metadata();
        manager.maybeRefreshBlocking();
        IndexMetadata after = metadata();
        return !after.equals(before);
    }

    public IndexMetadata metadata() {
        return withSnapshot(IndexSnapshot::metadata);
    }

    /** Bytes of the files of the commit being served (not of older commits still on disk). */
    public long sizeInBytes() {
        return withSnapshot(snapshot -> {
            try {
                long bytes = 0;
                for (String file : ((DirectoryReader) snapshot.getIndexReader())
                        .getIndexCommit()
                        .getFileNames()) {
                    bytes += directory.fileLength(file);
                }
                return bytes;
            } catch (IOException e) {
                // a file swept by a newer commit between listing and measuring: report unknown, not fail
                return -1L;
            }
        });
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        manager.close();
        directory.close();
    }

    private static void closeQuietly(Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    /** Admits a commit only if its layout is ours and every segment's checksums hold. */
    private static final class VerifyingFactory extends SearcherFactory {

        private final Path path;
        /** Segments already verified; a reload usually adds one or two new ones. */
        private final Set<Object> verified =
                Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

        VerifyingFactory(Path path) {
            this.path = path;
        }

        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            IndexMetadata metadata = IndexMetadata.fromCommitData(
                    ((DirectoryReader) reader).getIndexCommit().getUserData());
            if (metadata == null) {
                throw new CorruptIndexException("not a helpsearch index", path.toString());
            }
            if (!metadata.isCurrentLayout()) {
                throw new CorruptIndexException(
                        "built with index layout " + metadata.schema() + ", this build reads layout "
                                + IndexMetadata.CURRENT_SCHEMA,
                        path.toString());
            }
            for (LeafReaderContext leaf : reader.leaves()) {
                Object key = leaf.reader().getCoreCacheHelper().getKey();
                if (!verified.contains(key)) {
                    leaf.reader().checkIntegrity();
                    verified.add(key);
                }
            }
            SynonymMap synonyms;
            String synonymRules = metadata.synonyms();
            try {
                synonyms = Synonyms.parse(synonymRules);
            } catch (Synonyms.InvalidSynonymsException e) {
                throw new CorruptIndexException("its synonyms do not parse: " + e.getMessage(), path.toString());
            }
            IndexSnapshot snapshot = new IndexSnapshot(reader, metadata, synonyms, Synonyms.words(synonymRules));
            if (previousReader != null) {
                LOG.info(
                        "serving index version {} ({} articles, {} sections)",
                        metadata.version(),
                        metadata.articles(),
                        metadata.sections());
            }
            return snapshot;
        }
    }
}
