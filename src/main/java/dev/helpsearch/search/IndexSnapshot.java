package dev.helpsearch.search;

import dev.helpsearch.index.Analysis;
import dev.helpsearch.index.IndexMetadata;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * One committed state of the index, searchable and immutable: every request runs against exactly
 * one snapshot, so a reload in the middle of it changes nothing it sees. The synonyms the index
 * was built with come with it, so they change exactly when the index does.
 */
public final class IndexSnapshot extends IndexSearcher {

    private final IndexMetadata metadata;
    private static final Analyzer QUERY_WITHOUT_SYNONYMS = Analysis.englishQuery();

    private final Analyzer queryAnalyzer;

    IndexSnapshot(IndexReader reader, IndexMetadata metadata, SynonymMap synonyms) {
        super(reader);
        this.metadata = metadata;
        this.queryAnalyzer = Analysis.englishWithSynonyms(synonyms);
    }

    public IndexMetadata metadata() {
        return metadata;
    }

    /** English query analysis with this index's synonyms. */
    Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    /** English query analysis without synonyms, for phrases the user quoted or typed in order. */
    Analyzer queryAnalyzerWithoutSynonyms() {
        return QUERY_WITHOUT_SYNONYMS;
    }
}
