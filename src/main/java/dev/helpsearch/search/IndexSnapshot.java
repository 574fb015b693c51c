package dev.helpsearch.search;

import dev.helpsearch.index.IndexMetadata;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * One committed state of the index, searchable and immutable: every request runs against exactly
 * one snapshot, so a reload in the middle of it changes nothing it sees.
 */
public final class IndexSnapshot extends IndexSearcher {

    private final IndexMetadata metadata;

    IndexSnapshot(IndexReader reader, IndexMetadata metadata) {
        super(reader);
        this.metadata = metadata;
    }

    public IndexMetadata metadata() {
        return metadata;
    }
}
