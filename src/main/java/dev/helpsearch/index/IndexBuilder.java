package dev.helpsearch.index;

import dev.helpsearch.article.Article;
import dev.helpsearch.article.ArticleLoader;
import dev.helpsearch.semantic.Embedder;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Writes the index of a set of articles, from scratch or as an update of the index already there.
 * Either way the change is a single Lucene commit: until that commit is durable, readers (and a
 * restarted server) see the previous index whole; a crash, a full disk or a kill at any moment
 * leaves it intact, and the half-written files are swept by the next writer.
 */
public final class IndexBuilder {

    private final Clock clock;
    /**
     * The model documents are embedded with, asked at the start of each change: null (no vectors)
     * until a model that loads in the background is ready.
     */
    private final Supplier<Embedder> embedders;

    public IndexBuilder(Clock clock, Supplier<Embedder> embedders) {
        this.clock = clock;
        this.embedders = embedders;
    }

    /** A builder of indexes with vectors of the model {@code embedders} gives, without while it gives none. */
    public IndexBuilder(Supplier<Embedder> embedders) {
        this(Clock.systemUTC(), embedders);
    }

    /** A builder of indexes with vectors of {@code embedder}'s, or without vectors when it is null. */
    public IndexBuilder(Embedder embedder) {
        this(Clock.systemUTC(), () -> embedder);
    }

    public IndexBuilder() {
        this(Clock.systemUTC(), () -> null);
    }

    private static String idOf(Embedder embedder) {
        return embedder == null ? "" : embedder.modelId();
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
        return begin(indexDir, anew, embedders.get());
    }

    /** The model documents would be embedded with now, or null for none. */
    public Embedder currentEmbedder() {
        return embedders.get();
    }

    /** As {@link #begin(Path, boolean)}, embedding with {@code embedder} (null: no vectors). */
    public Update begin(Path indexDir, boolean anew, Embedder embedder) throws IOException {
        Files.createDirectories(indexDir);
        Directory directory = FSDirectory.open(indexDir);
        EmbeddingCache cache = null;
        try {
            long version = previousVersion(directory) + 1;
            // opened on the commit being replaced, before the writer can remove its files
            cache = embedder == null ? null : EmbeddingCache.open(directory);
            IndexWriterConfig config = new IndexWriterConfig(Analysis.forIndexing())
                    .setOpenMode(anew ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(64);
            return new Update(directory, new IndexWriter(directory, config), version, embedder, cache);
        } catch (IOException | RuntimeException e) {
            if (cache != null) {
                cache.close();
            }
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
        private final Embedder embedder;
        private final EmbeddingCache cache;
        private final ArticleDocuments.Vectors vectors;
        private final AtomicInteger embedded = new AtomicInteger();
        private final AtomicInteger reused = new AtomicInteger();
        private boolean committed;

        private Update(Directory directory, IndexWriter writer, long version, Embedder embedder, EmbeddingCache cache) {
            this.directory = directory;
            this.writer = writer;
            this.version = version;
            this.embedder = embedder;
            this.cache = cache;
            this.vectors = embedder == null
                    ? null
                    : new ArticleDocuments.Vectors() {
                        @Override
                        public String key(String text) {
                            return embeddingKey(embedder.modelId(), text);
                        }

                        @Override
                        public float[] vector(String key, String text) {
                            float[] cached = cache.lookup(key);
                            if (cached != null) {
                                reused.incrementAndGet();
                                return cached;
                            }
                            embedded.incrementAndGet();
                            return embedder.embedPassage(text);
                        }
                    };
        }

        /** Documents whose vector the model computed in this update. */
        public int embedded() {
            return embedded.get();
        }

        /** Documents whose vector came from the cache. */
        public int reused() {
            return reused.get();
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
            add(article, "");
        }

        /** As {@link #add(Article)}, with the stamp of the file it was read from. */
        public void add(Article article, String fileStamp) {
            try {
                writer.addDocuments(ArticleDocuments.of(article, vectors, fileStamp));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Adds a redirect page. */
        public void addRedirect(ArticleLoader.Redirect redirect) throws IOException {
            writer.addDocument(ArticleDocuments.redirect(
                    redirect.file(), redirect.path(), redirect.target(), redirect.contentHash(), redirect.fileStamp()));
        }

        /**
         * Makes the change visible in one commit, with the editors' synonyms (already validated),
         * the fingerprint of the files it came from, and whether drafts were included.
         */
        public IndexMetadata commit(String synonyms, String sourceFingerprint, boolean includeDrafts)
                throws IOException {
            int articleCount;
            int sectionCount;
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                articleCount = searcher.count(new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_ARTICLE)));
                sectionCount = searcher.count(new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_SECTION)));
            }
            IndexMetadata metadata = new IndexMetadata(
                    version,
                    clock.instant(),
                    articleCount,
                    sectionCount,
                    IndexMetadata.CURRENT_SCHEMA,
                    sourceFingerprint,
                    idOf(embedder),
                    includeDrafts,
                    synonyms);
            writer.setLiveCommitData(metadata.toCommitData().entrySet());
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
                if (cache != null) {
                    cache.close();
                }
                directory.close();
            }
        }
    }

    /**
     * What the index in {@code indexDir} holds, by source file, when it can be updated in place:
     * empty when there is no index, it is damaged, of another layout, or was built with drafts
     * {@code includeDrafts} differently or with vectors of another model than {@code embedder}.
     */
    public Optional<Map<String, ArticleLoader.Indexed>> indexedFiles(
            Path indexDir, boolean includeDrafts, Embedder embedder) {
        if (!Files.isDirectory(indexDir)) {
            return Optional.empty();
        }
        try (Directory directory = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return Optional.empty();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexMetadata metadata =
                        IndexMetadata.fromCommitData(reader.getIndexCommit().getUserData());
                if (metadata == null
                        || !metadata.isCurrentLayout()
                        || !metadata.embedder().equals(idOf(embedder))
                        || metadata.drafts() != includeDrafts) {
                    return Optional.empty();
                }
                Map<String, ArticleLoader.Indexed> files = new HashMap<>();
                for (LeafReaderContext leaf : reader.leaves()) {
                    BinaryDocValues sources = DocValues.getBinary(leaf.reader(), IndexFields.SOURCE);
                    Bits live = leaf.reader().getLiveDocs();
                    for (int doc = sources.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = sources.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            SourceRecord source = SourceRecord.decode(sources.binaryValue());
                            files.put(source.file(), source.indexed());
                        }
                    }
                }
                return Optional.of(files);
            }
        } catch (IOException | RuntimeException e) {
            // whatever is wrong with it, a fresh index replaces it
            return Optional.empty();
        }
    }

    static String embeddingKey(String modelId, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(modelId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The version of the index now in {@code directory}, or 0 if it has none (or none readable). */
    private static long previousVersion(Directory directory) {
        try {
            IndexMetadata previous = IndexMetadata.latest(directory);
            return previous == null ? 0 : previous.version();
        } catch (IOException e) {
            // A damaged previous index is being replaced: start the count again rather than fail.
            return 0;
        }
    }
}
