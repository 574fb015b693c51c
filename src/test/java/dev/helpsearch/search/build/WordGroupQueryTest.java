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
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact query of one word group, as the token graph of the analysed text gives it, compared
 * with a query written out by hand (in the manner of Anserini's DisjunctionMaxQueryGeneratorTest):
 * a word alone, a word with single-word synonyms, a word with a multi-word synonym, and the
 * evidence query the reranker counts a group by.
 */
class WordGroupQueryTest {

    @TempDir
    static Path work;

    private static LiveIndex live;
    private static final Ranking RANKING = Ranking.defaults();
    private static final QueryBuilder BUILDER = new QueryBuilder(RANKING);

    @BeforeAll
    static void index() throws IOException {
        live = SmallIndex.of(work, Map.of("synonyms.txt", """
                # builtin-synonyms: off
                machine, vm
                login, sign in
                """, "guide/1.machines.md", """
                ---
                title: Machines
                description: Where your machine runs.
                ---

                ## Starting a machine

                A machine starts in a minute; a vm is a machine. Log in with your login, or sign in.
                """));
    }

    @AfterAll
    static void close() throws IOException {
        live.close();
    }

    private static QueryBuilder.Built built(String typed) {
        return live.withSnapshot(snapshot -> BUILDER.build(snapshot, QueryText.parse(typed), null));
    }

    /** The one group of a one-group query: the required part's only clause. */
    private static Query group(QueryBuilder.Built built) {
        BooleanQuery words = (BooleanQuery) must(built.query()).get(0);
        BooleanQuery required = (BooleanQuery) must(words).get(0);
        assertThat(required.clauses()).hasSize(1);
        return required.clauses().get(0).query();
    }

    private static List<Query> must(Query query) {
        return ((BooleanQuery) query)
                .clauses().stream()
                        .filter(c -> c.occur() == Occur.MUST)
                        .map(BooleanClause::query)
                        .toList();
    }

    /** A leaf in every text field, and, for words, in the identifier fields at the part weight. */
    private static Query everyField(Function<String, Query> leaf, boolean words) {
        List<Query> disjuncts = new ArrayList<>();
        for (Ranking.FieldWeight field : RANKING.textFields()) {
            disjuncts.add(new BoostQuery(leaf.apply(field.field()), field.weight()));
        }
        if (words) {
            for (Ranking.FieldWeight field : RANKING.identifierFields()) {
                disjuncts.add(
                        new BoostQuery(leaf.apply(field.field()), field.weight() * RANKING.identifierPartWeight()));
            }
        }
        return new DisjunctionMaxQuery(disjuncts, RANKING.tieBreaker());
    }

    @Test
    void aWordAloneIsOneTermPerFieldTheBestFieldCountingMost() {
        Query expected = everyField(field -> new TermQuery(new Term(field, "minute")), true);

        assertThat(group(built("minute "))).isEqualTo(expected);
    }

    @Test
    void singleWordSynonymsAreOneSynonymQueryPerFieldTheTypedWordWeighingMost() {
        Query expected = everyField(
                field -> new SynonymQuery.Builder(field)
                        .addTerm(new Term(field, "vm"), 1f)
                        .addTerm(new Term(field, "machine"), RANKING.synonymWeight())
                        .build(),
                true);

        assertThat(group(built("vm "))).isEqualTo(expected);
    }

    @Test
    void aMultiWordSynonymIsAPhraseAlternativeWeighedAsOneWord() {
        Query typed = everyField(field -> new TermQuery(new Term(field, "login")), true);
        Query phrase = new BoostQuery(
                everyField(field -> new PhraseQuery(1, field, "sign", "in"), false), RANKING.synonymWeight() / 2);

        assertThat(group(built("login "))).isEqualTo(new DisjunctionMaxQuery(List.of(typed, phrase), 0f));
    }

    @Test
    void aGroupIsCountedByItsPresenceInTheCombinedFieldsWhateverItsAlternatives() {
        Query expected = new ConstantScoreQuery(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.ALL_TEXT, "login")), Occur.SHOULD)
                .add(new TermQuery(new Term(IndexFields.IDENT_TEXT, "login")), Occur.SHOULD)
                .add(new PhraseQuery(1, IndexFields.ALL_TEXT, "sign", "in"), Occur.SHOULD)
                .build());

        assertThat(built("login ").evidence()).containsExactly(expected);
        // the token graph's paths come synonym first: the terms keep its order, for the highlighter
        assertThat(built("login ").terms()).containsExactly("sign", "in", "login");
    }
}
