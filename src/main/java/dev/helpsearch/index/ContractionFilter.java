package dev.helpsearch.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Spells out English contractions so "can't", "cannot", "cant" and "can not" meet, and "doesn't"
 * means "does not" instead of being the junk token "doesn't". At index time the written form is
 * also kept, at the same position, so "won" typed so far still finds "won't" as a prefix; queries
 * do without it, because synonym matching needs a flat token stream. Expects lower-cased tokens
 * from a tokenizer that keeps apostrophes inside words (StandardTokenizer does).
 */
public final class ContractionFilter extends TokenFilter {

    /** Negative contractions whose base is not simply the token minus "n't", and apostrophe-less spellings users type. */
    private static final Map<String, String[]> IRREGULAR = Map.ofEntries(
            Map.entry("can't", new String[] {"can", "not"}),
            Map.entry("cannot", new String[] {"can", "not"}),
            Map.entry("cant", new String[] {"can", "not"}),
            Map.entry("won't", new String[] {"will", "not"}),
            Map.entry("wont", new String[] {"will", "not"}),
            Map.entry("shan't", new String[] {"shall", "not"}),
            Map.entry("ain't", new String[] {"is", "not"}),
            Map.entry("dont", new String[] {"do", "not"}),
            Map.entry("doesnt", new String[] {"does", "not"}),
            Map.entry("didnt", new String[] {"did", "not"}),
            Map.entry("isnt", new String[] {"is", "not"}),
            Map.entry("arent", new String[] {"are", "not"}),
            Map.entry("wasnt", new String[] {"was", "not"}),
            Map.entry("werent", new String[] {"were", "not"}),
            Map.entry("couldnt", new String[] {"could", "not"}),
            Map.entry("shouldnt", new String[] {"should", "not"}),
            Map.entry("wouldnt", new String[] {"would", "not"}),
            Map.entry("hasnt", new String[] {"has", "not"}),
            Map.entry("havent", new String[] {"have", "not"}),
            Map.entry("hadnt", new String[] {"had", "not"}));

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String[]> pending = new ArrayDeque<>();
    private final boolean keepWritten;
    private AttributeSource.State original;

    public ContractionFilter(TokenStream input, boolean keepWritten) {
        super(input);
        this.keepWritten = keepWritten;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            String[] next = pending.removeFirst();
            restoreState(original);
            term.setEmpty().append(next[0]);
            position.setPositionIncrement(Integer.parseInt(next[1]));
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String token = term.toString().replace('\u2019', '\'');
        String[] expansion = expand(token);
        if (expansion == null) {
            if (!token.contentEquals(term)) {
                term.setEmpty().append(token);
            }
            return true;
        }
        // emit: the base word, the written form at the same position, then "not" (if any) after them
        original = captureState();
        term.setEmpty().append(expansion[0]);
        if (keepWritten && !token.equals(expansion[0])) {
            pending.add(new String[] {token, "0"});
        }
        if (expansion.length > 1) {
            pending.add(new String[] {expansion[1], "1"});
        }
        return true;
    }

    /** The words a contraction stands for, or null for an ordinary word. */
    static String[] expand(String token) {
        String[] irregular = IRREGULAR.get(token);
        if (irregular != null) {
            return irregular;
        }
        if (token.endsWith("n't") && token.length() > 3) {
            return new String[] {token.substring(0, token.length() - 3), "not"};
        }
        for (String suffix : new String[] {"'re", "'ve", "'ll", "'m", "'d"}) {
            if (token.endsWith(suffix) && token.length() > suffix.length()) {
                return new String[] {token.substring(0, token.length() - suffix.length())};
            }
        }
        return null;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        original = null;
    }
}
