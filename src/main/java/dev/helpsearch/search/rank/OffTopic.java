package dev.helpsearch.search.rank;

import dev.helpsearch.index.IndexFields;
import dev.helpsearch.search.core.IndexSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;

/**
 * What "unrelated" looks like on a corpus: the mean best similarity of everyday questions no help
 * center answers ({@code off-topic-probes.txt}). A large corpus has some document fairly near
 * anything, a small one does not, so a fixed similarity cannot tell a question the help center
 * covers from one it does not; the distance above this level can. Measured once per index
 * snapshot, on the first query by meaning or when the service warms up; the probes' vectors are
 * remembered ({@link QueryVectors}), so a new snapshot costs only their nearest-neighbour searches.
 */
public final class OffTopic {

    static final String PROBES = "off-topic-probes.txt";
    private static final List<String> QUESTIONS = load();

    private OffTopic() {}

    public static List<String> questions() {
        return QUESTIONS;
    }

    /** The mean over the probe questions of their best document similarity (dot product). */
    static double level(IndexSnapshot snapshot, Function<String, float[]> queryVector) {
        double sum = 0;
        for (String question : QUESTIONS) {
            float[] vector = queryVector.apply(question);
            try {
                ScoreDoc[] nearest = snapshot.search(
                                new KnnFloatVectorQuery(IndexFields.VECTOR, vector, HybridRanking.CANDIDATES), 1)
                        .scoreDocs;
                // Lucene scores unit vectors' dot product as (1 + dot) / 2
                sum += nearest.length == 0 ? 0 : 2.0 * nearest[0].score - 1;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sum / QUESTIONS.size();
    }

    private static List<String> load() {
        try (InputStream in = OffTopic.class.getResourceAsStream(PROBES)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + PROBES);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
