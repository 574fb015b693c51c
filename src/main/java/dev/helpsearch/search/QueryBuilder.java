package dev.helpsearch.search;

import dev.helpsearch.index.Analysis;
import dev.helpsearch.index.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the Lucene query for what a user typed. The text is never parsed as query syntax: it is
 * analysed into words, each word searched across the fields that describe a section (heading,
 * page title, breadcrumb, prose, code), with identifiers matched whole and by their parts, the
 * last word also as a prefix while it is being typed, and misspellings forgiven at a discount.
 */
public final class QueryBuilder {

    /** Upper bound on analysed words taken from one query; a pasted ticket rarely has more that matter. */
    static final int MAX_TERMS = 64;
    /** Upper bound on index terms one prefix or misspelling may expand to. */
    static final int MAX_EXPANSIONS = 32;

    private final Analyzer english = Analysis.english();
    private final Analyzer identifiers = Analysis.identifiers(false);
    private final Ranking ranking;

    public QueryBuilder(Ranking ranking) {
        this.ranking = ranking;
    }

    /** The query to search with, and the one to highlight snippets with. */
    public record Built(Query query, List<String> terms) {
    }

    public Built build(QueryText text, String category) {
        List<String> words = analyze(english, text.freeWithoutLastWord());
        String prefix = text.lastWord().toLowerCase(Locale.ROOT);
        List<String> prefixTerms = prefix.isEmpty() ? List.of() : analyze(english, text.lastWord());

        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        int clauses = 0;
        for (String word : words) {
            terms.add(wordQuery(word), Occur.SHOULD);
            clauses++;
        }
        if (!prefix.isEmpty()) {
            terms.add(prefixQuery(prefix, prefixTerms), Occur.SHOULD);
            clauses++;
        }
        Set<String> identifierTerms = identifierTerms(text.free(), words, prefixTerms);
        for (String identifier : identifierTerms) {
            terms.add(new BoostQuery(identifierQuery(identifier), ranking.identifierBoost()), Occur.SHOULD);
        }
        if (clauses > 0) {
            terms.setMinimumNumberShouldMatch(ranking.minimumShouldMatch(clauses));
        }

        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean hasFreeText = clauses > 0 || !identifierTerms.isEmpty();
        if (hasFreeText) {
            query.add(terms.build(), clauses > 0 ? Occur.MUST : Occur.SHOULD);
        }
        List<String> allWords = new ArrayList<>(words);
        allWords.addAll(prefixTerms);
        if (allWords.size() >= 2) {
            query.add(new BoostQuery(sloppyPhrase(allWords), ranking.phraseBoost()), Occur.SHOULD);
        }
        for (String phrase : text.phrases()) {
            List<String> phraseWords = analyze(english, phrase);
            if (!phraseWords.isEmpty()) {
                query.add(exactPhrase(phraseWords), Occur.MUST);
                allWords.addAll(phraseWords);
            }
        }
        if (!hasFreeText && text.phrases().isEmpty()) {
            return new Built(new MatchNoDocsQuery("nothing searchable in the query"), List.of());
        }
        if (category != null) {
            query.add(new TermQuery(new Term(IndexFields.CATEGORY, category)), Occur.FILTER);
        }
        return new Built(query.build(), List.copyOf(allWords));
    }

    /** One word, exact in every field, forgiven one or two typos at a discount. */
    private Query wordQuery(String word) {
        List<Query> perField = new ArrayList<>();
        for (Ranking.FieldWeight field : ranking.textFields()) {
            perField.add(new BoostQuery(new TermQuery(new Term(field.field(), word)), field.weight()));
        }
        int edits = ranking.typoEdits(word.length());
        if (edits > 0) {
            for (Ranking.FieldWeight field : ranking.textFields()) {
                FuzzyQuery fuzzy = new FuzzyQuery(new Term(field.field(), word), edits, 1, MAX_EXPANSIONS, true);
                perField.add(new BoostQuery(fuzzy, field.weight() * ranking.typoDiscount()));
            }
        }
        return new DisjunctionMaxQuery(perField, ranking.tieBreaker());
    }

    /** The word being typed: whole as analysed, or as the prefix of a longer word. */
    private Query prefixQuery(String prefix, List<String> analysed) {
        List<Query> perField = new ArrayList<>();
        for (String word : analysed) {
            for (Ranking.FieldWeight field : ranking.textFields()) {
                perField.add(new BoostQuery(new TermQuery(new Term(field.field(), word)), field.weight()));
            }
        }
        if (prefix.length() >= ranking.minPrefixLength()) {
            MultiTermQuery.RewriteMethod bounded = new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS);
            for (Ranking.FieldWeight field : ranking.prefixFields()) {
                perField.add(new BoostQuery(new PrefixQuery(new Term(field.field(), prefix), bounded),
                        field.weight() * ranking.prefixDiscount()));
            }
        }
        return new DisjunctionMaxQuery(perField, ranking.tieBreaker());
    }

    private Query identifierQuery(String identifier) {
        List<Query> perField = new ArrayList<>();
        for (Ranking.FieldWeight field : ranking.identifierFields()) {
            perField.add(new BoostQuery(new TermQuery(new Term(field.field(), identifier)), field.weight()));
        }
        return new DisjunctionMaxQuery(perField, ranking.tieBreaker());
    }

    /** Identifier tokens that English analysis does not already cover ("openclaw.json", "data_dir", "18789"). */
    private Set<String> identifierTerms(String text, List<String> words, List<String> prefixTerms) {
        Set<String> result = new LinkedHashSet<>();
        for (String token : analyze(identifiers, text)) {
            if (!words.contains(token) && !prefixTerms.contains(token) && result.size() < MAX_TERMS) {
                result.add(token);
            }
        }
        return result;
    }

    private Query sloppyPhrase(List<String> words) {
        List<Query> perField = new ArrayList<>();
        for (String field : List.of(IndexFields.HEADING_TEXT, IndexFields.BODY_TEXT, IndexFields.TITLE_TEXT)) {
            perField.add(new PhraseQuery(ranking.phraseSlop(), field, words.toArray(String[]::new)));
        }
        return new DisjunctionMaxQuery(perField, 0f);
    }

    private Query exactPhrase(List<String> words) {
        List<Query> perField = new ArrayList<>();
        for (Ranking.FieldWeight field : ranking.textFields()) {
            perField.add(new BoostQuery(new PhraseQuery(field.field(), words.toArray(String[]::new)), field.weight()));
        }
        return new DisjunctionMaxQuery(perField, ranking.tieBreaker());
    }

    private static List<String> analyze(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        if (text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_TERMS) {
                String t = term.toString();
                if (!terms.contains(t)) {
                    terms.add(t);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
        }
        return terms;
    }
}
