package dev.helpsearch.index;

import dev.helpsearch.text.Identifiers;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analysis chains of the index. Two views of the same text: English words (stemmed, folded,
 * contractions spelled out) and identifiers ({@code openclaw.json}, {@code data_dir},
 * {@code useFetch}, {@code lsof -i :18789}) kept whole and split into their parts. Synonyms are
 * applied to queries only, so editing them never needs a re-analysis of the articles.
 */
public final class Analysis {

    /** The longest prefix indexed for suggestions; longer typed words still match whole words. */
    public static final int MAX_SUGGEST_PREFIX = 20;

    /**
     * Tokens for the identifier view: runs of letters, digits and the punctuation inside names.
     * Path separators split, so each component of {@code ~/.openclaw/openclaw.json} stands whole.
     */
    private static final Pattern IDENTIFIER_RUNS = Pattern.compile("[\\p{L}\\p{N}_.\\-~:%$@#+]+");
    /** Sentence punctuation glued to the end of an identifier ("... in openclaw.json."). */
    private Analysis() {}

    /** English prose as indexed: contractions keep their written form beside the spelled-out words. */
    public static Analyzer english() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, englishFilters(tokenizer, true));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** English prose as searched, without synonyms; also what synonym files are parsed with. */
    public static Analyzer englishQuery() {
        return englishWithSynonyms(null);
    }

    /**
     * English prose with query-time synonyms. The synonym map must have been parsed with
     * {@link #englishQuery()}, so that its entries are stemmed exactly as the words they meet.
     */
    public static Analyzer englishWithSynonyms(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = englishFilters(tokenizer, false);
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    private static TokenStream englishFilters(Tokenizer tokenizer, boolean keepWrittenContractions) {
        TokenStream stream = new EnglishPossessiveFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new ContractionFilter(stream, keepWrittenContractions);
        // KStem measured best of KStem, Porter, minimal and none on both query sets (eval/README.md)
        return new KStemFilter(stream);
    }

    /**
     * Identifiers as written and by their parts: {@code ~/.openclaw/openclaw.json} indexes
     * {@code openclaw.json}, {@code openclaw}, {@code json}; {@code useFetch} indexes
     * {@code usefetch}, {@code use}, {@code fetch}.
     */
    public static Analyzer identifiers(boolean forIndexing) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new PatternTokenizer(IDENTIFIER_RUNS, 0);
                TokenStream trimmed = new PatternReplaceFilter(tokenizer, Identifiers.TRAILING_PUNCTUATION, "", true);
                trimmed = new LengthFilter(trimmed, 1, 255);
                int flags = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                        | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                        | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
                        | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
                        | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
                        | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;
                TokenStream stream = new WordDelimiterGraphFilter(
                        trimmed, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, flags, null);
                if (forIndexing) {
                    stream = new FlattenGraphFilter(stream);
                }
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** Every prefix of every word of titles and headings, for as-you-type matching. */
    public static Analyzer suggestPrefixes() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new ASCIIFoldingFilter(stream);
                stream = new EdgeNGramTokenFilter(stream, 1, MAX_SUGGEST_PREFIX, true);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /**
     * Plain words, lower-cased and folded but not stemmed: what a user typed into the search box, to
     * match against {@link #suggestPrefixes()}, and the vocabulary spelling corrections come from.
     */
    public static Analyzer plainWords() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** The analyzer an IndexWriter uses: each field with its own chain. */
    public static Analyzer forIndexing() {
        Analyzer identifiers = identifiers(true);
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put(IndexFields.IDENT_TEXT, identifiers);
        perField.put(IndexFields.HEADING_IDENT, identifiers);
        perField.put(IndexFields.SUGGEST_PREFIX, suggestPrefixes());
        perField.put(IndexFields.SPELL_TEXT, plainWords());
        return new PerFieldAnalyzerWrapper(english(), perField);
    }
}
