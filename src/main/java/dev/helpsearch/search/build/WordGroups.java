package dev.helpsearch.search.build;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.LimitTokenCountFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The word groups of a text, as Lucene's own {@link org.apache.lucene.util.QueryBuilder} walks the
 * analysed text's token graph: one group per articulation point of the graph, single words with
 * their synonyms, or the side paths of a multi-word synonym. The builder's hooks answer with the
 * group they were shown rather than with a query, so the walk is Lucene's and the groups ours
 * (the way nrtsearch's MatchQueryBuilder puts its own queries behind the same hooks).
 */
final class WordGroups extends org.apache.lucene.util.QueryBuilder {

    private static final String FIELD = "q";
    /**
     * The hooks are handed a term and its boost, not its token type: a synonym is told by this
     * boost, which {@link SynonymMarks} gives it and no other token has.
     */
    private static final float SYNONYM = 0.5f;

    WordGroups(Analyzer analyzer) {
        super(analyzer);
    }

    /**
     * @param maxTokens upper bound on tokens (words plus their synonyms) read into the token graph
     * @param maxGroups upper bound on groups returned, the first ones
     */
    List<WordGroup> of(String text, int maxTokens, int maxGroups) {
        TokenStream tokens = new SynonymMarks(new LimitTokenCountFilter(analyzer.tokenStream(FIELD, text), maxTokens));
        Query walked = createFieldQuery(tokens, BooleanClause.Occur.SHOULD, FIELD, false, 0);
        List<WordGroup> groups = new ArrayList<>();
        if (walked instanceof Found found) {
            groups.add(new WordGroup(found.alternatives));
        } else if (walked instanceof BooleanQuery positions) {
            for (BooleanClause position : positions.clauses()) {
                if (groups.size() == maxGroups) {
                    break;
                }
                groups.add(new WordGroup(((Found) position.query()).alternatives));
            }
        }
        return groups;
    }

    @Override
    protected Query newTermQuery(Term term, float boost) {
        return new Found(List.of(new WordGroup.Alternative(List.of(term.text()), boost == SYNONYM)));
    }

    @Override
    protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
        List<WordGroup.Alternative> alternatives = new ArrayList<>();
        for (TermAndBoost term : terms) {
            add(alternatives, new WordGroup.Alternative(List.of(term.term().utf8ToString()), term.boost() == SYNONYM));
        }
        return new Found(alternatives);
    }

    /**
     * Each side path is one alternative: a single word comes as its term, several as the
     * conjunction of their terms (a path is linear, one word per position).
     */
    @Override
    protected Query newGraphSynonymQuery(Iterator<Query> paths) {
        List<WordGroup.Alternative> alternatives = new ArrayList<>();
        while (paths.hasNext()) {
            Query path = paths.next();
            List<String> words = new ArrayList<>();
            boolean synonym = false;
            List<Query> parts = path instanceof BooleanQuery all
                    ? all.clauses().stream().map(BooleanClause::query).toList()
                    : path == null ? List.of() : List.of(path);
            for (Query part : parts) {
                WordGroup.Alternative word = ((Found) part).alternatives.get(0);
                words.addAll(word.words());
                synonym |= word.synonym();
            }
            if (!words.isEmpty()) {
                add(alternatives, new WordGroup.Alternative(words, synonym));
            }
        }
        return alternatives.isEmpty() ? null : new Found(alternatives);
    }

    /** The first reading of the same words stands. */
    private static void add(List<WordGroup.Alternative> alternatives, WordGroup.Alternative alternative) {
        if (alternatives.stream().noneMatch(a -> a.words().equals(alternative.words()))) {
            alternatives.add(alternative);
        }
    }

    /** What a hook found, carried back through the walk in the place of a query; never searched. */
    private static final class Found extends Query {

        final List<WordGroup.Alternative> alternatives;

        Found(List<WordGroup.Alternative> alternatives) {
            this.alternatives = List.copyOf(alternatives);
        }

        @Override
        public String toString(String field) {
            return alternatives.toString();
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && alternatives.equals(((Found) other).alternatives);
        }

        @Override
        public int hashCode() {
            return Objects.hash(classHash(), alternatives);
        }
    }

    /** Gives synonyms the boost that tells them apart in the hooks. */
    private static final class SynonymMarks extends TokenFilter {

        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private final BoostAttribute boost = addAttribute(BoostAttribute.class);

        SynonymMarks(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            boost.setBoost(SynonymGraphFilter.TYPE_SYNONYM.equals(type.type()) ? SYNONYM : 1f);
            return true;
        }
    }
}
