package dev.helpsearch.search.rank;

import dev.helpsearch.index.IndexFields;
import dev.helpsearch.search.build.QueryBuilder;
import dev.helpsearch.search.core.IndexSnapshot;
import dev.helpsearch.semantic.Embedder;
import dev.helpsearch.text.Identifiers;
import dev.helpsearch.text.Words;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * The semantic side of ranking: the query's vector, its nearest documents in the index, the
 * corpus's off-topic level, and the query's shape as the fusion sees it. Whether the semantic
 * side helps a query of a given shape (a word being typed, an identifier) is the fitted fusion's
 * to weigh ({@link LearnedFusion}), no longer a rule here.
 */
public final class HybridRanking {

    /** Nearest documents taken from the vector side. */
    static final int CANDIDATES = 100;
    /** Beyond this many words a query is a described problem, identifiers in it or not. */
    private static final int IDENTIFIER_QUERY_WORDS = 4;

    private final SemanticModel model;
    private final QueryVectors vectors;

    public HybridRanking(SemanticModel model, QueryVectors vectors) {
        this.model = model;
        this.vectors = vectors;
    }

    /** Whether this snapshot can be searched by meaning at all: model ready, index with its vectors. */
    public boolean available(IndexSnapshot snapshot) {
        return model.embedder()
                .map(e -> e.modelId().equals(snapshot.metadata().embedder()))
                .orElse(false);
    }

    /** The query's vector, or null when the model or the index's vectors are missing. */
    public float[] queryVector(IndexSnapshot snapshot, String query) {
        if (!available(snapshot) || query.isBlank()) {
            return null;
        }
        return model.embedder().map(e -> vectors.of(e, query)).orElse(null);
    }

    /** The snapshot's off-topic similarity level ({@link OffTopic}); only called with the model ready. */
    public double offTopic(IndexSnapshot snapshot) {
        Embedder embedder = model.embedder().orElseThrow();
        return snapshot.offTopic(s -> OffTopic.level(s, question -> vectors.of(embedder, question)));
    }

    /** How the fusion sees the query's form. */
    public static FusionFeatures.QueryShape shape(String query, QueryBuilder.Built built) {
        String[] words = Words.of(query);
        return new FusionFeatures.QueryShape(words.length, isIdentifierQuery(words), built.unfinished());
    }

    /** A few words of which one names something ({@link Identifiers}): looked up more than described. */
    static boolean isIdentifierQuery(String[] words) {
        return words.length <= IDENTIFIER_QUERY_WORDS && Arrays.stream(words).anyMatch(Identifiers::isIdentifier);
    }

    /** The documents nearest to the query vector, best first, within a category when one is given. */
    public ScoreDoc[] nearest(IndexSnapshot snapshot, float[] vector, String category) throws IOException {
        KnnFloatVectorQuery query = category == null
                ? new KnnFloatVectorQuery(IndexFields.VECTOR, vector, CANDIDATES)
                : new KnnFloatVectorQuery(
                        IndexFields.VECTOR,
                        vector,
                        CANDIDATES,
                        new TermQuery(new Term(IndexFields.CATEGORY, category)));
        return snapshot.search(query, CANDIDATES).scoreDocs;
    }
}
