package dev.helpsearch.search.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.search.build.QueryBuilder;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.core.SmallIndex;
import dev.helpsearch.search.query.QueryText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts the second stage and the fusion share: asked again for other hits in another order,
 * they are what a fresh lookup gives, and they count each of the query's word groups.
 */
class HitFactsTest {

    @TempDir
    static Path work;

    private static LiveIndex live;

    @BeforeAll
    static void index() throws IOException {
        live = SmallIndex.of(work, SmallIndex.GATEWAY);
    }

    @AfterAll
    static void close() throws IOException {
        live.close();
    }

    @Test
    void factsAskedAgainInAnotherOrderAreThoseOfAFreshLookup() {
        live.withSnapshot(snapshot -> {
            try {
                QueryBuilder.Built built = new QueryBuilder(Ranking.defaults())
                        .build(snapshot, QueryText.parse("gateway permission denied "), null);
                ScoreDoc[] all = snapshot.search(new MatchAllDocsQuery(), 10).scoreDocs;
                assertThat(all).hasSizeGreaterThanOrEqualTo(3);
                ScoreDoc[] reversed = new ScoreDoc[all.length];
                for (int i = 0; i < all.length; i++) {
                    reversed[i] = all[all.length - 1 - i];
                }

                HitFacts shared = new HitFacts(snapshot, built.evidence());
                shared.of(new ScoreDoc[] {all[1]});
                HitFacts.Facts again = shared.of(reversed);
                HitFacts.Facts fresh = new HitFacts(snapshot, built.evidence()).of(reversed);

                assertThat(again.matched()).containsExactly(fresh.matched());
                assertThat(again.level()).containsExactly(fresh.level());
                assertThat(again.page()).containsExactly(fresh.page());
                assertThat(shared.groups()).isEqualTo(built.evidence().size()).isGreaterThanOrEqualTo(2);
                // the article and both sections say "gateway"; only one section has the rest
                assertThat(fresh.matched()).contains(shared.groups()).contains(1);
                // one page, the article at level 0
                assertThat(fresh.page()).containsOnly(fresh.page()[0]);
                assertThat(fresh.level()).contains(0L);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
