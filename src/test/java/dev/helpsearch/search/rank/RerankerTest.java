package dev.helpsearch.search.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.index.IndexFields;
import dev.helpsearch.search.build.QueryBuilder;
import dev.helpsearch.search.core.HitRecords;
import dev.helpsearch.search.core.IndexSnapshot;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.core.SmallIndex;
import dev.helpsearch.search.query.QueryText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reranker's steps one at a time, on hand-made text scores over a small real index: coverage
 * and level factors, then drill-down.
 */
class RerankerTest {

    @TempDir
    static Path work;

    private static LiveIndex live;
    private static final Ranking RANKING = Ranking.defaults();

    @BeforeAll
    static void index() throws IOException {
        live = SmallIndex.of(work, SmallIndex.GATEWAY);
    }

    @AfterAll
    static void close() throws IOException {
        live.close();
    }

    private static final String ARTICLE = "/troubleshooting/gateway";
    private static final String PORT = ARTICLE + "#port-conflict";
    private static final String PERMISSION = ARTICLE + "#permission-denied";

    /** Reranks documents given by url with the given text scores, for the typed query. */
    private static List<ScoreDoc> rerank(String typed, Object... urlsAndScores) {
        return live.withSnapshot(snapshot -> {
            try {
                QueryBuilder.Built built = new QueryBuilder(RANKING).build(snapshot, QueryText.parse(typed), null);
                ScoreDoc[] hits = new ScoreDoc[urlsAndScores.length / 2];
                for (int i = 0; i < hits.length; i++) {
                    hits[i] = new ScoreDoc(
                            doc(snapshot, (String) urlsAndScores[2 * i]), (float) (double) urlsAndScores[2 * i + 1]);
                }
                return Arrays.asList(new Reranker(RANKING).rerank(new HitFacts(snapshot, built.evidence()), hits));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static int doc(IndexSnapshot snapshot, String url) throws IOException {
        ScoreDoc[] found = snapshot.search(new TermQuery(new Term(IndexFields.URL, url)), 1).scoreDocs;
        assertThat(found).as(url).hasSize(1);
        return found[0].doc;
    }

    private static String url(ScoreDoc hit) {
        return live.withSnapshot(snapshot -> {
            try {
                return HitRecords.read(snapshot, hit.doc).url();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void eachWordGroupAHitContainsAddsTheCoverageConstant() {
        // equal text scores: the section holding both words goes first, by one coverage constant
        List<ScoreDoc> ranked = rerank("port 18789 ", PERMISSION, 1.0, PORT, 1.0);

        assertThat(ranked).extracting(RerankerTest::url).containsExactly(PORT, PERMISSION);
        assertThat(ranked.get(0).score).isEqualTo((float) (1.0 + 2 * RANKING.coverageBoost()));
        assertThat(ranked.get(1).score).isEqualTo((float) (1.0 + 0 * RANKING.coverageBoost()));
    }

    @Test
    void aWholeArticleGetsItsLevelFactor() {
        List<ScoreDoc> ranked = rerank("gateway ", ARTICLE, 1.0);

        assertThat(ranked.get(0).score).isEqualTo((float) ((1.0 + RANKING.coverageBoost()) * RANKING.levelBoost(0)));
    }

    @Test
    void aSectionHoldingMoreOfTheQueryThanItsArticleGoesAboveIt() {
        // the article scores five times higher by its title, but says nothing of "permission denied"
        List<ScoreDoc> ranked = rerank("gateway permission denied ", ARTICLE, 10.0, PERMISSION, 2.0);

        assertThat(ranked).extracting(RerankerTest::url).containsExactly(PERMISSION, ARTICLE);
        // it takes the article's place and score, so what followed the article still follows
        assertThat(ranked.get(0).score).isEqualTo(ranked.get(1).score);
    }
}
