package dev.helpsearch.search.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.index.Reindexer;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.SearchRequest;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.core.Urls;
import dev.helpsearch.search.query.QueryText;
import dev.helpsearch.testing.Fixtures;
import dev.helpsearch.testing.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the text, the query built from it stays small: the number of terms it looks up, after
 * Lucene has expanded its prefixes against the real index, is bounded by construction and far
 * below Lucene's clause limit. Lengths are the worst the API accepts (4,000 characters).
 */
class QueryBoundsTest {

    /** Leaf terms of the largest query any input makes; measured at about a third of this. */
    private static final int MAX_TERMS = 3_000;

    @TempDir
    static Path work;

    static LiveIndex live;
    static final QueryBuilder BUILDER = new QueryBuilder(Ranking.defaults());

    @BeforeAll
    static void build() throws IOException {
        Path articles = work.resolve("articles");
        Folders.copyTree(Fixtures.HELP_CENTER, articles);
        Path index = work.resolve("index");
        assertThat(new Reindexer(articles, index, false, new IndexBuilder(), m -> {})
                        .reindex()
                        .replaced())
                .isTrue();
        live = LiveIndex.open(index);
    }

    @AfterAll
    static void close() throws IOException {
        live.close();
    }

    static List<String> worstCases() {
        int max = SearchRequest.MAX_QUERY_CHARS;
        return List.of(
                "port gateway token login black screen desktop cloud install permission "
                                .repeat(60)
                                .substring(0, max - 1)
                        + "p",
                "a b c d e f g h i j k l m n o p q r s t u v w x y z "
                        .repeat(80)
                        .substring(0, max),
                "portt gatewy tokn logn blak scren desktp clod instal permision viewr updat "
                        .repeat(60)
                        .substring(0, max),
                "a".repeat(max),
                "abcdefghijklmnopqrstuvwxy".repeat(max / 25),
                "*".repeat(max),
                "?a* *b? p*".repeat(max / 10),
                "\"port gateway ".repeat(max / 14),
                "(((( [[[[ {{{{".repeat(max / 14),
                "port~2 gateway^10 ".repeat(max / 18),
                "error 500 token invalid expired 401 403 ECONNREFUSED "
                        .repeat(80)
                        .substring(0, max),
                "p",
                "po",
                "e",
                "🔥".repeat(max / 2),
                "e\u0301".repeat(max / 2));
    }

    @ParameterizedTest
    @MethodSource("worstCases")
    void theQueryStaysSmallAfterExpansion(String text) {
        int terms = live.withSnapshot(snapshot -> {
            QueryBuilder.Built built = BUILDER.build(snapshot, QueryText.parse(text), null);
            try {
                return countTerms(((IndexSearcher) snapshot).rewrite(built.query()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(terms)
                .as(text.substring(0, Math.min(40, text.length())))
                .isLessThanOrEqualTo(MAX_TERMS)
                .isLessThan(IndexSearcher.getMaxClauseCount());
    }

    @ParameterizedTest
    @MethodSource("worstCases")
    void searchAnswerAndSuggestAnswerWorstCases(String text) {
        HelpSearch search = new HelpSearch(live, Urls.relative());
        assertThat(search.search(SearchRequest.of(text)).hits()).isNotNull();
        assertThat(search.answer(text)).isNotNull();
        assertThat(search.suggest(text)).isNotNull();
    }

    private static int countTerms(Query query) {
        AtomicInteger count = new AtomicInteger();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                count.addAndGet(terms.length);
            }

            @Override
            public void visitLeaf(Query q) {
                count.incrementAndGet();
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return count.get();
    }
}
