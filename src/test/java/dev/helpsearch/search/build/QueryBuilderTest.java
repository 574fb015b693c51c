package dev.helpsearch.search.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.index.IndexFields;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.core.SmallIndex;
import dev.helpsearch.search.query.QueryText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structure of the Lucene query built for a question, over a small real index (the builder
 * asks the index which words it knows): which words are required, which only add to the score,
 * how the word being typed, a misspelling, a quoted phrase and a category enter.
 */
class QueryBuilderTest {

    @TempDir
    static Path work;

    private static LiveIndex live;
    private static final Ranking RANKING = Ranking.defaults();
    private final QueryBuilder builder = new QueryBuilder(RANKING);

    @BeforeAll
    static void index() throws IOException {
        String many = IntStream.range(0, 40).mapToObj(QueryBuilderTest::word).collect(Collectors.joining(" "));
        live = SmallIndex.of(
                work, Map.of("troubleshooting/1.gateway.md", """
                ---
                title: Gateway fails to start
                description: When the local gateway does not come up.
                ---

                ## Port conflict

                Another process already uses port 18789. Stop it or choose another port for the gateway.

                ## Permission denied

                The gateway cannot write its configuration file.
                """, "account/1.sign-in.md", """
                ---
                title: Sign in
                description: Getting into your account.
                ---

                ## Reset the password

                Open the sign-in page and choose forgot password.

                ## Vocabulary

                %s
                """.formatted(many)));
    }

    @AfterAll
    static void close() throws IOException {
        live.close();
    }

    /** Distinct made-up words the index knows, for a long pasted text. */
    private static String word(int i) {
        return "zeta" + (char) ('a' + i % 26) + (char) ('a' + i / 26) + "word";
    }

    private QueryBuilder.Built built(String typed, String category) {
        return live.withSnapshot(snapshot -> builder.build(snapshot, QueryText.parse(typed), category));
    }

    private static BooleanQuery asBoolean(Query query) {
        assertThat(query).isInstanceOf(BooleanQuery.class);
        return (BooleanQuery) query;
    }

    private static List<Query> clauses(BooleanQuery query, Occur occur) {
        return query.clauses().stream()
                .filter(c -> c.occur() == occur)
                .map(BooleanClause::query)
                .toList();
    }

    /** The words' part of a built query: the group the counted words are in, and the optional ones. */
    private static BooleanQuery wordClauses(QueryBuilder.Built built) {
        return asBoolean(clauses(asBoolean(built.query()), Occur.MUST).get(0));
    }

    /** Every query in the tree, depth first, for finding leaves of one kind. */
    private static List<Query> flatten(Query query) {
        List<Query> all = new ArrayList<>();
        all.add(query);
        List<Query> children = List.of();
        if (query instanceof BooleanQuery b) {
            children = b.clauses().stream().map(BooleanClause::query).toList();
        } else if (query instanceof DisjunctionMaxQuery d) {
            children = List.copyOf(d.getDisjuncts());
        } else if (query instanceof BoostQuery b) {
            children = List.of(b.getQuery());
        } else if (query instanceof ConstantScoreQuery c) {
            children = List.of(c.getQuery());
        }
        for (Query child : children) {
            all.addAll(flatten(child));
        }
        return all;
    }

    @Test
    void everyKnownWordIsAGroupOfTheRequiredPartAndShortQueriesNeedThemAll() {
        QueryBuilder.Built built = built("gateway port conflict ", null);

        BooleanQuery words = wordClauses(built);
        BooleanQuery required = asBoolean(clauses(words, Occur.MUST).get(0));
        assertThat(clauses(required, Occur.SHOULD)).hasSize(3);
        assertThat(required.getMinimumNumberShouldMatch()).isEqualTo(RANKING.minimumShouldMatch(3, false));
        assertThat(built.evidence()).hasSize(3);
        assertThat(built.prefix()).isEmpty();
        assertThat(built.corrected()).isNull();
        assertThat(built.unfinished()).isFalse();
    }

    @Test
    void aWeakWordAddsToTheScoreButIsNeverRequired() {
        QueryBuilder.Built built = built("gateway still fails ", null);

        BooleanQuery words = wordClauses(built);
        BooleanQuery required = asBoolean(clauses(words, Occur.MUST).get(0));
        BooleanQuery optional = asBoolean(clauses(words, Occur.SHOULD).get(0));
        assertThat(clauses(required, Occur.SHOULD)).hasSize(2);
        assertThat(clauses(optional, Occur.SHOULD)).hasSize(1);
        assertThat(built.evidence()).hasSize(2);
    }

    @Test
    void theWordBeingTypedMatchesAsItselfOrAsTheStartOfALongerWord() {
        QueryBuilder.Built built = built("gateway confl", null);

        assertThat(built.prefix()).isEqualTo("confl");
        assertThat(built.unfinished()).isTrue();
        BooleanQuery required =
                asBoolean(clauses(wordClauses(built), Occur.MUST).get(0));
        Query typed = clauses(required, Occur.SHOULD).get(1);
        assertThat(typed).isInstanceOf(DisjunctionMaxQuery.class);
        assertThat(flatten(typed))
                .filteredOn(q -> q instanceof PrefixQuery)
                .isNotEmpty()
                .allSatisfy(
                        q -> assertThat(((PrefixQuery) q).getPrefix().text()).isEqualTo("confl"));
    }

    @Test
    void aMisspellingIsSearchedCorrectedAtADiscountBesideTheWordsAsTyped() {
        QueryBuilder.Built built = built("gatewya port ", null);

        assertThat(built.corrected()).isEqualTo("gateway port");
        Query either = clauses(asBoolean(built.query()), Occur.MUST).get(0);
        assertThat(either).isInstanceOf(DisjunctionMaxQuery.class);
        assertThat(((DisjunctionMaxQuery) either).getDisjuncts())
                .filteredOn(q -> q instanceof BoostQuery)
                .singleElement()
                .satisfies(q -> assertThat(((BoostQuery) q).getBoost()).isEqualTo(RANKING.typoDiscount()));
    }

    @Test
    void aQuotedPhraseIsRequiredAsAPhrase() {
        QueryBuilder.Built built = built("\"port conflict\" gateway ", null);

        List<Query> required = clauses(asBoolean(built.query()), Occur.MUST);
        assertThat(required).hasSize(2);
        assertThat(flatten(required.get(1)))
                .filteredOn(q -> q instanceof PhraseQuery)
                .isNotEmpty()
                .allSatisfy(q -> assertThat(((PhraseQuery) q).getTerms())
                        .extracting(Term::text)
                        .containsExactly("port", "conflict"));
    }

    @Test
    void aCategoryFiltersWithoutScoring() {
        QueryBuilder.Built built = built("gateway ", "troubleshooting");

        assertThat(clauses(asBoolean(built.query()), Occur.FILTER))
                .containsExactly(new TermQuery(new Term(IndexFields.CATEGORY, "troubleshooting")));
    }

    @Test
    void aPastedWallOfWordsSearchesOnlyTheMostInformativeGroups() {
        String pasted = IntStream.range(0, 40).mapToObj(QueryBuilderTest::word).collect(Collectors.joining(" "));

        QueryBuilder.Built built = built(pasted + " gateway ", null);

        assertThat(built.evidence()).hasSize(QueryBuilder.MAX_SEARCHED_GROUPS);
    }

    @Test
    void nothingSearchableMatchesNothing() {
        QueryBuilder.Built built = built("?! ... ", null);

        assertThat(built.query()).isInstanceOf(MatchNoDocsQuery.class);
        assertThat(built.evidence()).isEmpty();
    }
}
