package dev.helpsearch.search;

import dev.helpsearch.index.IndexFields;
import dev.helpsearch.semantic.Embedder;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * The semantic side of ranking and its fusion with the lexical side. The query is embedded, its
 * nearest documents found in the index's vectors, and the two ranked lists merged by reciprocal
 * rank fusion: a document's fused score is the sum over the lists of weight / (k + rank). Ranks,
 * not scores, are fused, so neither side's scale has to be calibrated against the other's.
 *
 * <p>The semantic side sits out queries it makes worse (measured, eval/README.md): a word still
 * being typed, whose meaning the model cannot know yet, and identifiers such as
 * {@code nuxt.config.ts} or {@code :18789}, which only lexical matching takes literally.
 */
final class HybridRanking {

    /** Nearest documents taken from the vector side. */
    static final int CANDIDATES = 100;
    /** Queries with a token like these are identifiers: file names, config keys, ports, flags, camelCase. */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(^|\\s)(\\S*[\\p{L}\\p{N}][._/:~-][\\p{L}\\p{N}]\\S*|[-:~$@]\\S+|\\S*\\p{Ll}\\p{Lu}\\S*|\\S*\\p{L}\\S*\\p{N}\\S*|\\p{N}{3,})(?=\\s|$)");
    /** Beyond this many words a query is a described problem, identifiers in it or not. */
    private static final int IDENTIFIER_QUERY_WORDS = 4;

    private final SemanticModel model;
    private final Ranking ranking;

    HybridRanking(SemanticModel model, Ranking ranking) {
        this.model = model;
        this.ranking = ranking;
    }

    /** Whether this snapshot can be searched by meaning at all: model ready, index with its vectors. */
    boolean available(IndexSnapshot snapshot) {
        return ranking.vectorWeight() > 0
                && model.embedder().map(e -> e.modelId().equals(snapshot.metadata().embedder())).orElse(false);
    }

    /** The query's vector, or null when the semantic side sits this query out. */
    float[] queryVector(IndexSnapshot snapshot, String query, QueryBuilder.Built built) {
        if (!available(snapshot) || query.isBlank()) {
            return null;
        }
        if (built.unfinished() && !ranking.vectorsWhileTyping()) {
            return null;
        }
        String stripped = query.strip();
        int words = stripped.split("\\s+").length;
        if (words < ranking.vectorsMinWords()) {
            return null;
        }
        if (!ranking.vectorsForIdentifiers() && isIdentifierQuery(stripped, words)) {
            return null;
        }
        Embedder embedder = model.embedder().orElse(null);
        return embedder == null ? null : embedder.embedQuery(query);
    }

    /** The query's vector whatever the query, or null when the model or the index's vectors are missing. */
    float[] anyQueryVector(IndexSnapshot snapshot, String query) {
        if (!available(snapshot) || query.isBlank()) {
            return null;
        }
        return model.embedder().map(e -> e.embedQuery(query)).orElse(null);
    }

    /** The snapshot's off-topic similarity level ({@link OffTopic}); only called with the model ready. */
    double offTopic(IndexSnapshot snapshot) {
        Embedder embedder = model.embedder().orElseThrow();
        return snapshot.offTopic(s -> OffTopic.level(s, embedder));
    }

    /** How the fusion sees the query's form. */
    static FusionFeatures.QueryShape shape(String query, QueryBuilder.Built built) {
        String stripped = query.strip();
        int words = stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
        return new FusionFeatures.QueryShape(words, isIdentifierQuery(stripped, words), built.unfinished());
    }

    /** @param words how many words the (stripped) query has */
    static boolean isIdentifierQuery(String stripped, int words) {
        return words <= IDENTIFIER_QUERY_WORDS && IDENTIFIER.matcher(stripped).find();
    }

    /** The documents nearest to the query vector, best first, within a category when one is given. */
    ScoreDoc[] nearest(IndexSnapshot snapshot, float[] vector, String category) throws IOException {
        KnnFloatVectorQuery query = category == null
                ? new KnnFloatVectorQuery(IndexFields.VECTOR, vector, CANDIDATES)
                : new KnnFloatVectorQuery(IndexFields.VECTOR, vector, CANDIDATES, new TermQuery(new Term(IndexFields.CATEGORY, category)));
        return snapshot.search(query, CANDIDATES).scoreDocs;
    }

    /**
     * Reciprocal rank fusion of the lexical ranking (already reranked) and the semantic one. Scores
     * are scaled by k, so that a document first in one list alone scores about 1.
     */
    ScoreDoc[] fuse(ScoreDoc[] lexical, ScoreDoc[] semantic) {
        int k = ranking.fusionK();
        // insertion order is the lexical order, then documents only the semantic side found
        Map<Integer, Float> fused = new LinkedHashMap<>();
        for (int rank = 0; rank < lexical.length; rank++) {
            fused.merge(lexical[rank].doc, (float) k / (k + rank + 1), Float::sum);
        }
        for (int rank = 0; rank < semantic.length; rank++) {
            fused.merge(semantic[rank].doc, ranking.vectorWeight() * k / (k + rank + 1), Float::sum);
        }
        ScoreDoc[] result = fused.entrySet().stream().map(e -> new ScoreDoc(e.getKey(), e.getValue())).toArray(ScoreDoc[]::new);
        // a stable sort: on a tie the lexical side's order stands
        Arrays.sort(result, (a, b) -> Float.compare(b.score, a.score));
        return result;
    }
}
