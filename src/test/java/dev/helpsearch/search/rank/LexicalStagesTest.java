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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lexical stages one at a time over a small real index: retrieval, the reranker's two stages,
 * and the relaxation of a query that few documents match in full.
 */
class LexicalStagesTest {

    @TempDir
    static Path work;

    private static LiveIndex live;
    private static final Ranking RANKING = Ranking.defaults();
    private static final QueryBuilder QUERIES = new QueryBuilder(RANKING);
    private static final Reranker RERANKER = new Reranker(RANKING);

    private static final String ARTICLE = "/troubleshooting/gateway";
    private static final String PORT = ARTICLE + "#port-conflict";
    private static final String PERMISSION = ARTICLE + "#permission-denied";

    @BeforeAll
    static void index() throws IOException {
        Map<String, String> files = new HashMap<>(SmallIndex.GATEWAY);
        files.put("account/1.password.md", """
                ---
                title: Reset your password
                description: When you cannot sign in.
                ---

                ## Forgot password

                Choose forgot password on the sign-in page.
                """);
        live = SmallIndex.of(work, files);
    }

    @AfterAll
    static void close() throws IOException {
        live.close();
    }

    private interface Check {
        void on(IndexSnapshot snapshot) throws IOException;
    }

    private static void on(Check check) {
        live.withSnapshot(snapshot -> {
            try {
                check.on(snapshot);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static RankContext context(IndexSnapshot snapshot, String typed, Query filter) {
        return RankContext.of(snapshot, QUERIES, typed, QueryText.parse(typed), List.of(), filter, 10);
    }

    private static List<String> urls(IndexSnapshot snapshot, ScoreDoc[] hits) throws IOException {
        String[] urls = new String[hits.length];
        for (int i = 0; i < hits.length; i++) {
            urls[i] = HitRecords.read(snapshot, hits[i].doc).url();
        }
        return List.of(urls);
    }

    private static int doc(IndexSnapshot snapshot, String url) throws IOException {
        return snapshot.search(new TermQuery(new Term(IndexFields.URL, url)), 1).scoreDocs[0].doc;
    }

    /** The documents given by url with the given text scores, as if a retrieval had found them. */
    private static Candidates found(IndexSnapshot snapshot, Object... urlsAndScores) throws IOException {
        ScoreDoc[] hits = new ScoreDoc[urlsAndScores.length / 2];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = new ScoreDoc(
                    doc(snapshot, (String) urlsAndScores[2 * i]), (float) (double) urlsAndScores[2 * i + 1]);
        }
        return Candidates.NONE.withHits(hits);
    }

    @Test
    void textSearchIsLucenesRankingOfTheQueryByWordsAndEveryHitIsStrict() {
        on(snapshot -> {
            RankContext context = context(snapshot, "gateway port ", null);

            Candidates found = new TextSearch().rerank(Candidates.NONE, context);

            TopDocs lucene = snapshot.search(context.built().query(), 50);
            assertThat(found.hits())
                    .extracting(d -> d.doc)
                    .containsExactlyElementsOf(
                            Arrays.stream(lucene.scoreDocs).map(d -> d.doc).toList());
            assertThat(found.hits())
                    .extracting(d -> d.score)
                    .containsExactlyElementsOf(
                            Arrays.stream(lucene.scoreDocs).map(d -> d.score).toList());
            assertThat(found.words().total().value()).isEqualTo(lucene.totalHits.value());
            assertThat(found.words().strict()).isEqualTo(found.hits().length).isPositive();
            assertThat(found.words().query()).isSameAs(context.built().query());
            assertThat(found.meaning()).isEmpty();
        });
    }

    @Test
    void coverageAndLevelScoresAsTheRerankersFirstStepsWithoutDrillingDown() {
        on(snapshot -> {
            RankContext context = context(snapshot, "gateway permission denied ", null);
            // the article scores five times higher by its title, but says nothing of "permission denied"
            Candidates found = found(snapshot, ARTICLE, 10.0, PERMISSION, 2.0);

            Candidates boosted = new CoverageAndLevel(RERANKER).rerank(found, context);

            assertThat(urls(snapshot, boosted.hits())).containsExactly(ARTICLE, PERMISSION);
            HitFacts.Facts facts = context.facts().of(new ScoreDoc[] {found.hits()[1]});
            assertThat(facts.matched()[0]).isPositive();
            assertThat(boosted.hits()[1].score).isEqualTo((float)
                    ((2.0 + facts.matched()[0] * RANKING.coverageBoost()) * RANKING.levelBoost(facts.level()[0])));
            assertThat(boosted.words()).isSameAs(found.words());
            // what it was given is left as it was
            assertThat(found.hits()[0].score).isEqualTo(10f);
        });
    }

    @Test
    void drillDownPutsTheSectionAboveItsArticleAtTheArticlesScore() {
        on(snapshot -> {
            RankContext context = context(snapshot, "gateway permission denied ", null);
            Candidates boosted =
                    new CoverageAndLevel(RERANKER).rerank(found(snapshot, ARTICLE, 10.0, PERMISSION, 2.0), context);

            Candidates drilled = new DrillDown(RERANKER).rerank(boosted, context);

            assertThat(urls(snapshot, drilled.hits())).containsExactly(PERMISSION, ARTICLE);
            assertThat(drilled.hits()[0].score).isEqualTo(boosted.hits()[0].score);
            assertThat(new DrillDown(RERANKER).explain(boosted, drilled, drilled.hits()[0].doc, context))
                    .contains("taken its place");
            assertThat(new DrillDown(RERANKER).explain(boosted, drilled, drilled.hits()[1].doc, context))
                    .isEmpty();
            // the two stages in a row are the reranker
            Candidates found = found(snapshot, ARTICLE, 10.0, PERMISSION, 2.0);
            ScoreDoc[] reranked = RERANKER.rerank(context.facts(), found.hits());
            assertThat(drilled.hits()).extracting(d -> d.doc).containsExactly(reranked[0].doc, reranked[1].doc);
            assertThat(drilled.hits()).extracting(d -> d.score).containsExactly(reranked[0].score, reranked[1].score);
        });
    }

    private static RankCascade lexical(Ranking ranking) {
        Reranker reranker = new Reranker(ranking);
        RankCascade lexical =
                new RankCascade(new TextSearch(), new CoverageAndLevel(reranker), new DrillDown(reranker));
        return lexical.then(new Relaxation(new QueryBuilder(ranking), ranking, lexical));
    }

    @Test
    void aQueryFewDocumentsMatchInFullIsFollowedByItsRelaxedHits() {
        on(snapshot -> {
            // no document holds both words: the strict query finds nothing, the relaxed one either word
            RankContext context = context(snapshot, "port password ", null);
            List<RankCascade.Step> steps = lexical(RANKING).trace(context);
            Candidates strict = steps.get(2).after();
            Candidates relaxed = steps.get(3).after();

            assertThat(steps.get(3).stage()).isInstanceOf(Relaxation.class);
            assertThat(strict.hits()).isEmpty();
            assertThat(relaxed.words().strict()).isZero();
            assertThat(urls(snapshot, relaxed.hits())).contains(PORT).anyMatch(url -> url.startsWith("/account/"));
            assertThat(relaxed.words().total().value()).isEqualTo(relaxed.hits().length);
            // the total counts what either query matches
            BooleanQuery both = (BooleanQuery) relaxed.words().query();
            assertThat(both.clauses()).extracting(BooleanClause::occur).containsExactly(Occur.SHOULD, Occur.SHOULD);
            assertThat(both.clauses().get(0).query()).isEqualTo(context.built().query());
        });
    }

    @Test
    void theStrictHitsComeFirstAndTheRelaxedOnesFollowOnce() {
        on(snapshot -> {
            RankContext context = context(snapshot, "gateway permission ", null);
            List<RankCascade.Step> steps = lexical(RANKING).trace(context);
            Candidates strict = steps.get(2).after();
            Candidates relaxed = steps.get(3).after();

            assertThat(strict.hits()).isNotEmpty();
            assertThat(relaxed.words().strict()).isEqualTo(strict.hits().length);
            assertThat(Arrays.copyOf(relaxed.hits(), strict.hits().length)).containsExactly(strict.hits());
            assertThat(relaxed.hits()).extracting(d -> d.doc).doesNotHaveDuplicates();
            assertThat(relaxed.hits().length).isGreaterThan(strict.hits().length);
        });
    }

    @Test
    void enoughFullMatchesAreNotRelaxed() {
        on(snapshot -> {
            RankContext context = context(snapshot, "port password ", null);
            List<RankCascade.Step> steps =
                    lexical(RANKING.with("relaxBelow", "0")).trace(context);

            assertThat(steps.get(3).after()).isSameAs(steps.get(3).before());
        });
    }

    @Test
    void aFilterDoesNotTurnTheMatchesItNarrowedIntoLooserOnes() {
        on(snapshot -> {
            // "gateway" matches three documents of the whole index, none of the account category
            Query account = new TermQuery(new Term(IndexFields.CATEGORY, "account"));
            RankContext context = context(snapshot, "gateway ", account);

            Candidates strict = lexical(RANKING.with("relaxBelow", "3"))
                    .trace(context)
                    .get(3)
                    .after();
            Candidates relaxedToo = lexical(RANKING.with("relaxBelow", "4"))
                    .trace(context)
                    .get(3)
                    .after();

            assertThat(strict.hits()).isEmpty();
            assertThat(strict.words().query()).isSameAs(context.built().query());
            assertThat(relaxedToo.words().query()).isNotSameAs(context.built().query());
        });
    }
}
