package dev.helpsearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;

/**
 * The vectors of the index being replaced or updated, by the hash of the model and text they were
 * computed from. Embedding is by far the slowest part of indexing (tens of milliseconds per
 * section), so every text the model has already read is taken from here instead: re-indexing
 * after an edit embeds only the sections whose text changed. The cache is the previous index
 * itself, so it is always exactly as current as the index.
 */
final class EmbeddingCache implements Closeable {

    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private EmbeddingCache(DirectoryReader reader) {
        this.reader = reader;
        this.searcher = reader == null ? null : new IndexSearcher(reader);
    }

    /** The vectors of the index in {@code directory}; an empty cache when there is none or it cannot be read. */
    static EmbeddingCache open(Directory directory) {
        try {
            if (DirectoryReader.indexExists(directory)) {
                return new EmbeddingCache(DirectoryReader.open(directory));
            }
        } catch (IOException | RuntimeException e) {
            // a damaged index caches nothing; it is being replaced anyway
        }
        return new EmbeddingCache(null);
    }

    /** The vector cached under {@code key}, or null. Safe to call from several threads. */
    float[] lookup(String key) {
        if (searcher == null) {
            return null;
        }
        try {
            ScoreDoc[] hits = searcher.search(new TermQuery(new Term(IndexFields.EMBEDDING_KEY, key)), 1).scoreDocs;
            if (hits.length == 0) {
                return null;
            }
            LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(hits[0].doc, reader.leaves()));
            FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
            if (values == null) {
                return null;
            }
            KnnVectorValues.DocIndexIterator iterator = values.iterator();
            int doc = hits[0].doc - leaf.docBase;
            if (iterator.advance(doc) != doc) {
                return null;
            }
            return values.vectorValue(iterator.index()).clone();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
