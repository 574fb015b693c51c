package dev.helpsearch.search;

import dev.helpsearch.index.Analysis;
import dev.helpsearch.index.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Cuts the best passage of each hit and marks every match in it with {@code <mark>}. Everything
 * else is HTML-escaped, so article text containing markup comes out inert. A hit that matched only
 * in its heading or title gets the opening of its text instead.
 */
final class Snippets {

    static final int TARGET_LENGTH = 160;
    private static final String[] FIELDS = {IndexFields.BODY_TEXT, IndexFields.CODE_TEXT};

    private final Analyzer analyzer = Analysis.english();

    /** One snippet per document, in the order of {@code docIds}. */
    String[] of(IndexSearcher searcher, Query query, int[] docIds) {
        if (docIds.length == 0) {
            return new String[0];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkFormatter())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), TARGET_LENGTH, 0.33f))
                .withMaxNoHighlightPassages(0)
                // mark each matching word, not whole phrase spans with the punctuation between them
                .withWeightMatches(false)
                .withMaxLength(50_000)
                .build();
        try {
            Map<String, String[]> passages = highlighter.highlightFields(FIELDS, query, docIds, new int[] {1, 1});
            String[] body = passages.get(IndexFields.BODY_TEXT);
            String[] code = passages.get(IndexFields.CODE_TEXT);
            String[] snippets = new String[docIds.length];
            for (int i = 0; i < docIds.length; i++) {
                if (body[i] != null) {
                    snippets[i] = body[i].strip();
                } else if (code[i] != null) {
                    snippets[i] = code[i].strip();
                } else {
                    snippets[i] = opening(searcher, docIds[i]);
                }
            }
            return snippets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String opening(IndexSearcher searcher, int docId) throws IOException {
        String text = searcher.storedFields().document(docId, Set.of(IndexFields.BODY_TEXT)).get(IndexFields.BODY_TEXT);
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() > TARGET_LENGTH) {
            int cut = flat.lastIndexOf(' ', TARGET_LENGTH);
            flat = flat.substring(0, cut > TARGET_LENGTH / 2 ? cut : TARGET_LENGTH) + MarkFormatter.ELLIPSIS;
        }
        return Html.escape(flat);
    }
}
