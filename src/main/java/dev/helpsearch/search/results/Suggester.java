package dev.helpsearch.search.results;

import dev.helpsearch.index.Analysis;
import dev.helpsearch.index.HitRecord;
import dev.helpsearch.index.IndexFields;
import dev.helpsearch.search.core.HitRecords;
import dev.helpsearch.search.core.Suggestion;
import dev.helpsearch.search.core.Urls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * As-you-type completions from article titles and section headings: every typed word must start
 * a word of the title or heading ("sig" finds "Cannot sign in"). Matching is one lookup per typed
 * word in an index of word prefixes, so it stays cheap enough for every keystroke.
 */
public final class Suggester {

    static final int MAX_SUGGESTIONS = 8;
    /** Candidates ranked per request; more only matters for one-letter prefixes. */
    private static final int CANDIDATES = 256;

    private static final int MAX_WORDS = 8;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Analyzer analyzer = Analysis.plainWords();

    public List<Suggestion> suggest(IndexSearcher searcher, String typed, Urls urls) {
        List<String> words = words(typed);
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words) {
            String prefix =
                    word.length() > Analysis.MAX_SUGGEST_PREFIX ? word.substring(0, Analysis.MAX_SUGGEST_PREFIX) : word;
            query.add(new TermQuery(new Term(IndexFields.SUGGEST_PREFIX, prefix)), Occur.MUST);
        }
        try {
            ScoreDoc[] candidates = searcher.search(new ConstantScoreQuery(query.build()), CANDIDATES).scoreDocs;
            HitRecord[] records = HitRecords.read(
                    searcher, Arrays.stream(candidates).mapToInt(hit -> hit.doc).toArray());
            Map<String, Candidate> byUrl = new LinkedHashMap<>();
            for (HitRecord record : records) {
                String text = record.isArticle() ? record.title() : record.heading();
                byUrl.putIfAbsent(record.url(), new Candidate(record, text, rank(text, words, record.isArticle())));
            }
            return byUrl.values().stream()
                    .sorted(Comparator.comparingDouble(Candidate::rank).thenComparing(Candidate::text))
                    .limit(MAX_SUGGESTIONS)
                    .map(c -> new Suggestion(
                            c.text(),
                            urls.of(c.record().url()),
                            c.record().title(),
                            c.record().isArticle() ? "" : c.text(),
                            highlight(c.text(), words)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Candidate(HitRecord record, String text, double rank) {}

    /**
     * Lower is better: a title before a heading, a match on the first word before one further in,
     * short texts before long ones.
     */
    private static double rank(String text, List<String> words, boolean article) {
        List<String> textWords = folded(text);
        int firstMatch = textWords.size();
        for (int i = 0; i < textWords.size(); i++) {
            if (textWords.get(i).startsWith(words.get(0))) {
                firstMatch = i;
                break;
            }
        }
        return (article ? 0 : 4) + firstMatch * 2 + textWords.size() * 0.25;
    }

    /** The title or heading, HTML-escaped, with the typed start of each matching word in {@code <mark>}. */
    static String highlight(String text, List<String> words) {
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(text);
        int last = 0;
        while (m.find()) {
            String word = m.group();
            String key = fold(word);
            int marked = 0;
            for (String typed : words) {
                if (key.startsWith(typed) && key.length() == word.length() && typed.length() > marked) {
                    marked = typed.length();
                }
            }
            out.append(Html.escape(text.substring(last, m.start())));
            if (marked > 0) {
                out.append("<mark>")
                        .append(Html.escape(word.substring(0, marked)))
                        .append("</mark>")
                        .append(Html.escape(word.substring(marked)));
            } else {
                out.append(Html.escape(word));
            }
            last = m.end();
        }
        return out.append(Html.escape(text.substring(last))).toString();
    }

    private List<String> words(String typed) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", typed)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && words.size() < MAX_WORDS) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static List<String> folded(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(fold(m.group()));
        }
        return words;
    }

    private static String fold(String word) {
        char[] in = word.toLowerCase(Locale.ROOT).toCharArray();
        char[] out = new char[in.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, length);
    }
}
