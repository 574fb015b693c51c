package dev.helpsearch.search.build;

import dev.helpsearch.index.Analysis;
import dev.helpsearch.index.IndexFields;
import dev.helpsearch.search.core.IndexSnapshot;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.query.QueryText;
import dev.helpsearch.search.query.Typos;
import dev.helpsearch.text.AnalyzedTerms;
import dev.helpsearch.text.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the Lucene query for what a user typed. The text is never parsed as query syntax. It is
 * analysed (with the index's synonyms) into word groups; each group is searched across the fields
 * that describe a section (heading, page title, breadcrumb, prose, code); enough of the groups that
 * the index knows must match; identifiers are matched whole and by their parts; the word still
 * being typed matches as a prefix; a misspelled word is corrected from the index's vocabulary at a
 * discount, so an exact match always ranks first.
 */
public final class QueryBuilder {

    /** Upper bound on words read from one query, whatever its length. */
    static final int MAX_GROUPS = 128;
    /**
     * Upper bound on word groups searched for: the most informative ones of a long ticket. It keeps
     * the query's size (and time) bounded for any input, well inside {@link LiveIndex#MAX_CLAUSES}.
     */
    static final int MAX_SEARCHED_GROUPS = 24;
    /**
     * Upper bound on tokens (words plus their synonyms) read into one token graph: Lucene's graph
     * analysis recurses once per position and gives up past a thousand, so a pasted wall of words
     * is cut here, well past {@link #MAX_GROUPS} words.
     */
    static final int MAX_GRAPH_TOKENS = 4 * MAX_GROUPS;
    /** Upper bound on index terms one prefix may expand to. */
    static final int MAX_EXPANSIONS = 32;

    private final Ranking ranking;
    private final Analyzer plainWords = Analysis.plainWords();
    private final Analyzer identifiers = Analysis.identifiers(false);
    private final Typos typos = new Typos();

    public QueryBuilder(Ranking ranking) {
        this.ranking = ranking;
    }

    /**
     * @param query     the query to run
     * @param terms     the analysed words (synonyms and corrections included), for highlighting and confidence
     * @param prefix    the word being typed, "" when the query is complete
     * @param corrected the query text with misspellings corrected, or null when nothing was corrected
     * @param evidence  per counted word group, a query matching the documents that contain it anywhere
     * @param unfinished true when the last word is still being typed: it is not a word of the index
     *                  but the start of some
     */
    public record Built(
            Query query,
            List<String> terms,
            String prefix,
            String corrected,
            List<Query> evidence,
            boolean unfinished) {
        public Built {
            terms = List.copyOf(terms);
            evidence = List.copyOf(evidence);
        }

        /**
         * Limited to the documents {@code filter} matches, scored as before; itself for a null
         * filter. Categories are filtered here rather than by {@link #build}, which takes one at most.
         */
        public Built filtered(Query filter) {
            if (filter == null) {
                return this;
            }
            return withQuery(new BooleanQuery.Builder()
                    .add(query, Occur.MUST)
                    .add(filter, Occur.FILTER)
                    .build());
        }

        /** The same words searched by another query. */
        public Built withQuery(Query other) {
            return new Built(other, terms, prefix, corrected, evidence, unfinished);
        }
    }

    public Built build(IndexSnapshot snapshot, QueryText text, String category) {
        return build(snapshot, text, category, false);
    }

    /** With {@code relaxed}, a hit needs only one of the known words. */
    public Built build(IndexSnapshot snapshot, QueryText text, String category, boolean relaxed) {
        IndexVocabulary vocabulary = new IndexVocabulary(snapshot.getIndexReader(), ranking);
        String words = ranking.dropFiller(text.freeWithoutLastWord());
        String prefix = text.prefix();
        Clauses exact = clauses(snapshot, words, text.lastWord(), prefix, relaxed);
        Query query = exact.query();
        Set<String> terms = new LinkedHashSet<>(exact.terms());
        List<Query> evidence = exact.evidence();

        // a misspelling is corrected at a discount; the last word only when no indexed word starts with it
        String correctedWords = typos.correct(snapshot, words, ranking);
        boolean typing = !prefix.isEmpty() && vocabulary.hasPrefix(prefix);
        String correctedLast = typing ? null : typos.correct(snapshot, text.lastWord(), ranking);
        String corrected = null;
        if (correctedWords != null || correctedLast != null) {
            String fixedWords = correctedWords != null ? correctedWords : words;
            String fixedLast = correctedLast != null ? correctedLast : text.lastWord();
            Clauses fixed = clauses(snapshot, fixedWords, fixedLast, correctedLast != null ? "" : prefix, relaxed);
            terms.addAll(fixed.terms());
            if (fixed.evidence().size() > evidence.size()) {
                evidence = fixed.evidence();
            }
            if (query != null && fixed.query() != null) {
                query = new DisjunctionMaxQuery(
                        List.of(query, new BoostQuery(fixed.query(), ranking.typoDiscount())), 0f);
            }
            corrected = (fixedWords + " " + fixedLast).strip();
        }

        BooleanQuery.Builder full = new BooleanQuery.Builder();
        boolean searchable = query != null;
        if (query != null) {
            full.add(query, Occur.MUST);
        }
        for (String phrase : text.phrases()) {
            List<String> phraseWords = analyze(snapshot.queryAnalyzerWithoutSynonyms(), phrase);
            if (!phraseWords.isEmpty()) {
                full.add(multiField(new Phrase(phraseWords, 0)), Occur.MUST);
                terms.addAll(phraseWords);
                searchable = true;
            }
        }
        if (!searchable) {
            return new Built(
                    new MatchNoDocsQuery("nothing searchable in the query"), List.of(), "", null, List.of(), false);
        }
        if (category != null) {
            full.add(new TermQuery(new Term(IndexFields.CATEGORY, category)), Occur.FILTER);
        }
        boolean unfinished = typing && !vocabulary.isVocabularyWord(prefix);
        return new Built(full.build(), List.copyOf(terms), text.prefix(), corrected, evidence, unfinished);
    }

    /** The scored part of a query: word groups, the word being typed, phrase and identifier boosts. */
    private record Clauses(Query query, List<String> terms, List<Query> evidence) {}

    private Clauses clauses(IndexSnapshot snapshot, String words, String lastWord, String prefix, boolean relaxed) {
        IndexVocabulary vocabulary = new IndexVocabulary(snapshot.getIndexReader(), ranking);
        String all = (words + " " + lastWord).strip();
        List<WordGroup> groups = vocabulary.mostInformative(
                groups(snapshot.queryAnalyzer(), all), MAX_SEARCHED_GROUPS, !prefix.isEmpty());
        if (groups.isEmpty()) {
            return new Clauses(null, List.of(), List.of());
        }
        BooleanQuery.Builder content = new BooleanQuery.Builder();
        BooleanQuery.Builder optional = new BooleanQuery.Builder();
        List<Query> evidence = new ArrayList<>();
        int contentClauses = 0;
        Set<String> terms = new LinkedHashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            WordGroup group = groups.get(i);
            terms.addAll(group.terms());
            Query clause = query(group);
            boolean known = vocabulary.isKnown(group.terms());
            boolean counted = known && !group.weak();
            boolean typing = i == groups.size() - 1 && !prefix.isEmpty() && group.singleWords();
            if (typing) {
                // the word still being typed: the words it already is, or the start of a longer one
                // (not where it completes a multi-word synonym: "black screen" is not "screen*")
                // a typed word that is already a known word is probably finished: longer words count less
                float weight = known ? ranking.knownWordPrefixWeight() : 1f;
                clause = new DisjunctionMaxQuery(List.of(clause, new BoostQuery(prefixClause(prefix), weight)), 0f);
                counted = prefix.length() >= ranking.minCountedPrefix()
                        ? counted || vocabulary.hasPrefix(prefix)
                        : counted;
            }
            if (counted) {
                content.add(clause, Occur.SHOULD);
                contentClauses++;
                evidence.add(presence(group, typing ? prefix : ""));
            } else {
                optional.add(clause, Occur.SHOULD);
            }
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (contentClauses > 0) {
            content.setMinimumNumberShouldMatch(ranking.minimumShouldMatch(contentClauses, relaxed));
            query.add(content.build(), Occur.MUST);
            query.add(optional.build(), Occur.SHOULD);
        } else {
            query.add(optional.build(), Occur.MUST);
        }
        List<String> phraseWords = analyze(snapshot.queryAnalyzerWithoutSynonyms(), all);
        if (ranking.phraseBoost() > 0 && phraseWords.size() >= 2 && phraseWords.size() <= ranking.maxPhraseWords()) {
            query.add(new BoostQuery(sloppyPhrase(phraseWords), ranking.phraseBoost()), Occur.SHOULD);
        }
        for (String identifier : identifierTerms(all, terms)) {
            query.add(new BoostQuery(identifierQuery(identifier), ranking.identifierBoost()), Occur.SHOULD);
        }
        return new Clauses(query.build(), List.copyOf(terms), evidence);
    }

    /**
     * The user's words score in full; synonyms a little less, so the wording a user chose wins
     * when an article uses it; a multi-word alternative scores about as much as one word, not
     * the sum of its words' weights that a phrase query gives.
     */
    private Query query(WordGroup group) {
        List<WordGroup.Alternative> singles =
                group.alternatives().stream().filter(a -> a.words().size() == 1).toList();
        List<Query> options = new ArrayList<>();
        if (!singles.isEmpty()) {
            options.add(multiField(new Words(
                    singles.stream().map(a -> a.words().get(0)).toList(),
                    singles.stream()
                            .map(a -> a.synonym() ? ranking.synonymWeight() : 1f)
                            .toList())));
        }
        for (WordGroup.Alternative alternative : group.alternatives()) {
            if (alternative.words().size() > 1) {
                float weight = (alternative.synonym() ? ranking.synonymWeight() : 1f)
                        / alternative.words().size();
                options.add(new BoostQuery(multiField(new Phrase(alternative.words(), 1)), weight));
            }
        }
        return options.size() == 1 ? options.get(0) : new DisjunctionMaxQuery(options, 0f);
    }

    /**
     * Matches the hits that contain the group anywhere (heading, context, text, code or as an
     * identifier part): one lookup in the combined field instead of one per field.
     */
    private static Query presence(WordGroup group, String prefix) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        List<String> singles = group.alternatives().stream()
                .filter(a -> a.words().size() == 1)
                .map(a -> a.words().get(0))
                .toList();
        for (String word : singles) {
            any.add(new TermQuery(new Term(IndexFields.ALL_TEXT, word)), Occur.SHOULD);
            any.add(new TermQuery(new Term(IndexFields.IDENT_TEXT, word)), Occur.SHOULD);
        }
        for (WordGroup.Alternative alternative : group.alternatives()) {
            if (alternative.words().size() > 1) {
                any.add(phrase(IndexFields.ALL_TEXT, alternative.words(), 1), Occur.SHOULD);
            }
        }
        if (!prefix.isEmpty()) {
            any.add(new PrefixQuery(new Term(IndexFields.ALL_TEXT, prefix)), Occur.SHOULD);
        }
        return new ConstantScoreQuery(any.build());
    }

    private static Query synonymQuery(String field, List<String> words, List<Float> weights) {
        SynonymQuery.Builder builder = new SynonymQuery.Builder(field);
        for (int i = 0; i < words.size(); i++) {
            builder.addTerm(new Term(field, words.get(i)), weights.get(i));
        }
        return builder.build();
    }

    private List<WordGroup> groups(Analyzer analyzer, String text) {
        if (analyze(analyzer, text).isEmpty()) {
            return List.of();
        }
        return new WordGroups(analyzer).of(text, MAX_GRAPH_TOKENS, MAX_GROUPS);
    }

    /** The word being typed as the start of a longer word in a heading, title or (from two letters) text. */
    private Query prefixClause(String prefix) {
        List<Ranking.FieldWeight> fields = prefix.length() >= ranking.minPrefixLength()
                ? ranking.prefixFields()
                : ranking.prefixFields().stream()
                        .filter(f -> !f.field().equals(IndexFields.CONTENT_TEXT))
                        .toList();
        MultiTermQuery.RewriteMethod bounded = new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS);
        List<Query> perField = new ArrayList<>();
        for (Ranking.FieldWeight field : fields) {
            perField.add(new BoostQuery(
                    new PrefixQuery(new Term(field.field(), prefix), bounded),
                    field.weight() * ranking.prefixDiscount()));
        }
        return new DisjunctionMaxQuery(perField, ranking.tieBreaker());
    }

    /** What to look for in each field: some words (one, or synonyms of each other) or a phrase. */
    private sealed interface Leaf {
        Query in(String field);
    }

    /** Words that stand for the same thing, each with its weight (1 for what the user wrote). */
    private record Words(List<String> words, List<Float> weights) implements Leaf {

        Words(String word) {
            this(List.of(word), List.of(1f));
        }

        @Override
        public Query in(String field) {
            if (words.size() > 1) {
                return synonymQuery(field, words, weights);
            }
            Query term = new TermQuery(new Term(field, words.get(0)));
            return weights.get(0) == 1f ? term : new BoostQuery(term, weights.get(0));
        }
    }

    private record Phrase(List<String> words, int slop) implements Leaf {
        @Override
        public Query in(String field) {
            return phrase(field, words, slop);
        }
    }

    /**
     * One leaf searched in every text field, weighted: the best field counts, the others add a
     * little (tie-breaker), or, with combined fields, single words are scored as BM25F.
     */
    private Query multiField(Leaf leaf) {
        if (ranking.combinedFields()
                && leaf instanceof Words words
                && words.words().size() == 1
                && words.weights().get(0) == 1f) {
            CombinedFieldQuery.Builder combined =
                    new CombinedFieldQuery.Builder(words.words().get(0));
            float lightest = (float) ranking.textFields().stream()
                    .mapToDouble(Ranking.FieldWeight::weight)
                    .min()
                    .orElse(1);
            ranking.textFields().forEach(f -> combined.addField(f.field(), f.weight() / lightest));
            return combined.build();
        }
        List<Query> disjuncts = new ArrayList<>();
        for (Ranking.FieldWeight field : ranking.textFields()) {
            disjuncts.add(new BoostQuery(leaf.in(field.field()), field.weight()));
        }
        if (ranking.identifierPartWeight() > 0 && leaf instanceof Words) {
            // a word may also be part of an identifier: "fetch" in useFetch, "config" in nuxt.config.ts
            for (Ranking.FieldWeight field : ranking.identifierFields()) {
                disjuncts.add(new BoostQuery(leaf.in(field.field()), field.weight() * ranking.identifierPartWeight()));
            }
        }
        return new DisjunctionMaxQuery(disjuncts, ranking.tieBreaker());
    }

    private static Query phrase(String field, List<String> words, int slop) {
        return new PhraseQuery(slop, field, words.toArray(String[]::new));
    }

    private Query identifierQuery(String identifier) {
        List<Query> perField = new ArrayList<>();
        for (Ranking.FieldWeight field : ranking.identifierFields()) {
            perField.add(new BoostQuery(new TermQuery(new Term(field.field(), identifier)), field.weight()));
        }
        return new DisjunctionMaxQuery(perField, ranking.tieBreaker());
    }

    /** Identifier tokens that English analysis does not already cover ("openclaw.json" parts, "data_dir", "18789"). */
    private Set<String> identifierTerms(String text, Set<String> englishTerms) {
        Set<String> result = new LinkedHashSet<>();
        for (String token : analyze(identifiers, text)) {
            // plain words are already searched (parts of identifiers included); these are the
            // names themselves: openclaw.json, data_dir, :18789, -i
            if (Identifiers.isIdentifier(token)
                    && !englishTerms.contains(token)
                    && result.size() < MAX_SEARCHED_GROUPS) {
                result.add(token);
            }
        }
        return result;
    }

    private Query sloppyPhrase(List<String> words) {
        List<Query> perField = new ArrayList<>();
        for (String field : List.of(IndexFields.HEADING_TEXT, IndexFields.CONTENT_TEXT, IndexFields.CONTEXT_TEXT)) {
            perField.add(phrase(field, words, ranking.phraseSlop()));
        }
        return new DisjunctionMaxQuery(perField, 0f);
    }

    /** The text's distinct words, in order, at most {@link #MAX_GROUPS}. */
    static List<String> analyze(Analyzer analyzer, String text) {
        return new ArrayList<>(AnalyzedTerms.of(analyzer, text).stream()
                .distinct()
                .limit(MAX_GROUPS)
                .toList());
    }
}
