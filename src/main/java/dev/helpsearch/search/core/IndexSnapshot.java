package dev.helpsearch.search.core;

import dev.helpsearch.index.Analysis;
import dev.helpsearch.index.IndexMetadata;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
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
    private static final int MAX_CACHED_CORRECTIONS = 10_000;

    private final Analyzer queryAnalyzer;
    /** Spelling corrections already worked out against this snapshot's vocabulary ("" for none). */
    private final Map<String, String> corrections = new ConcurrentHashMap<>();

    /** The corpus's off-topic similarity level, measured once for this snapshot (NaN until then). */
    private volatile double offTopic = Double.NaN;

    /** Words of the synonym rules: part of the help center's vocabulary even where no article uses them. */
    private final Set<String> synonymWords;

    IndexSnapshot(IndexReader reader, IndexMetadata metadata, SynonymMap synonyms, Set<String> synonymWords) {
        super(reader);
        // every query is built fresh for its text: caching its clauses would cost more than it saves
        setQueryCache(null);
        this.metadata = metadata;
        this.queryAnalyzer = Analysis.englishWithSynonyms(synonyms);
        this.synonymWords = Set.copyOf(synonymWords);
    }

    /** Whether {@code word} (lower-cased) is used by a synonym rule. */
    public boolean isSynonymWord(String word) {
        return synonymWords.contains(word);
    }

    /**
     * The off-topic similarity level of this snapshot's documents, measured on first use: an
     * index changes only by a new snapshot, so the level holds as long as this one does.
     */
    public double offTopic(ToDoubleFunction<IndexSnapshot> measure) {
        double level = offTopic;
        if (Double.isNaN(level)) {
            // two threads may measure it at once; both get the same number
            level = measure.applyAsDouble(this);
            offTopic = level;
        }
        return level;
    }

    public IndexMetadata metadata() {
        return metadata;
    }

    /** English query analysis with this index's synonyms. */
    public Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    /**
     * The correction of a word, worked out once per snapshot: people misspell the same words, and
     * building the edit-distance automaton is the costly part of correcting one.
     */
    public String correction(String word, Function<String, String> correct) {
        String cached = corrections.get(word);
        if (cached == null) {
            if (corrections.size() >= MAX_CACHED_CORRECTIONS) {
                corrections.clear();
            }
            String corrected = correct.apply(word);
            cached = corrected == null ? "" : corrected;
            corrections.put(word, cached);
        }
        return cached.isEmpty() ? null : cached;
    }

    /** English query analysis without synonyms, for phrases the user quoted or typed in order. */
    public Analyzer queryAnalyzerWithoutSynonyms() {
        return QUERY_WITHOUT_SYNONYMS;
    }
}
