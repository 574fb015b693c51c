package dev.helpsearch.search.results;

import dev.helpsearch.index.HitRecord;
import dev.helpsearch.index.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Cuts the best passage of each hit and marks every match in it with {@code <mark>}; everything
 * else is HTML-escaped, so article text containing markup comes out inert. Matches come from the
 * offsets the index keeps in its postings, so the text is never analysed again: for a page of hits
 * this costs a few term lookups per query word. A hit that matched only in its heading or title
 * gets the opening of its text instead.
 */
public final class Snippets {

    static final int TARGET_LENGTH = 160;
    static final String ELLIPSIS = "\u2026";
    /** Words a prefix may stand for in snippets; the query itself bounds them the same way. */
    private static final int MAX_PREFIX_TERMS = 32;

    /**
     * One snippet per document, in the order of {@code docIds}: from its prose where the query
     * matches there, else from its code, else the opening of its prose.
     *
     * @param records what each document shows, its prose and code among it
     */
    public String[] of(IndexReader reader, Collection<String> terms, String prefix, int[] docIds, HitRecord[] records) {
        String[] snippets = new String[docIds.length];
        try {
            List<int[]>[] inProse = matches(reader, IndexFields.CONTENT_TEXT, terms, prefix, docIds);
            List<int[]>[] inCode = matches(reader, IndexFields.CODE_TEXT, terms, prefix, docIds);
            for (int i = 0; i < docIds.length; i++) {
                String prose = records[i].prose();
                String code = records[i].code();
                if (!inProse[i].isEmpty()) {
                    snippets[i] = best(prose, inProse[i]);
                } else if (!inCode[i].isEmpty()) {
                    snippets[i] = best(code, inCode[i]);
                } else {
                    snippets[i] = opening(prose.isEmpty() ? code : prose);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return snippets;
    }

    /**
     * Per document, the [start, end) offsets of every occurrence of a query word in the field.
     * Each word is looked up once per index segment and its postings walked forward through the
     * documents in order.
     */
    @SuppressWarnings("unchecked")
    private static List<int[]>[] matches(
            IndexReader reader, String field, Collection<String> words, String prefix, int[] docIds)
            throws IOException {
        List<int[]>[] matches = new List[docIds.length];
        Arrays.setAll(matches, i -> new ArrayList<>());
        Integer[] order = new Integer[docIds.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(docIds[a], docIds[b]));
        for (LeafReaderContext leaf : reader.leaves()) {
            List<Integer> inLeaf = new ArrayList<>();
            for (int i : order) {
                if (docIds[i] >= leaf.docBase
                        && docIds[i] < leaf.docBase + leaf.reader().maxDoc()) {
                    inLeaf.add(i);
                }
            }
            Terms terms = leaf.reader().terms(field);
            if (inLeaf.isEmpty() || terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            PostingsEnum postings = null;
            for (String word : words) {
                if (termsEnum.seekExact(new BytesRef(word))) {
                    postings = collect(termsEnum, postings, leaf.docBase, docIds, inLeaf, matches, Integer.MAX_VALUE);
                }
            }
            if (prefix.length() >= 2) {
                BytesRef start = new BytesRef(prefix);
                if (termsEnum.seekCeil(start) != TermsEnum.SeekStatus.END
                        && StringHelper.startsWith(termsEnum.term(), start)) {
                    int expanded = 0;
                    do {
                        // only what was typed is marked: "in" finds "invite" but must not claim all of it
                        postings = collect(termsEnum, postings, leaf.docBase, docIds, inLeaf, matches, prefix.length());
                    } while (++expanded < MAX_PREFIX_TERMS
                            && termsEnum.next() != null
                            && StringHelper.startsWith(termsEnum.term(), start));
                }
            }
        }
        return matches;
    }

    /** @param markedLength at most this many characters of each occurrence are marked */
    private static PostingsEnum collect(
            TermsEnum termsEnum,
            PostingsEnum reuse,
            int docBase,
            int[] docIds,
            List<Integer> inLeaf,
            List<int[]>[] matches,
            int markedLength)
            throws IOException {
        PostingsEnum postings = termsEnum.postings(reuse, PostingsEnum.OFFSETS);
        for (int i : inLeaf) {
            int doc = docIds[i] - docBase;
            if (postings.docID() < doc && postings.advance(doc) == DocIdSetIterator.NO_MORE_DOCS) {
                break;
            }
            if (postings.docID() == doc) {
                for (int n = postings.freq(); n > 0; n--) {
                    postings.nextPosition();
                    if (postings.startOffset() >= 0) {
                        int end = (int) Math.min(postings.endOffset(), (long) postings.startOffset() + markedLength);
                        matches[i].add(new int[] {postings.startOffset(), end});
                    }
                }
            }
        }
        return postings;
    }

    /**
     * The window of about {@link #TARGET_LENGTH} characters holding the most matches, widened to
     * word boundaries, with each match marked.
     */
    static String best(String text, List<int[]> matches) {
        matches.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        int bestStart = matches.get(0)[0];
        int bestCount = 0;
        for (int i = 0, j = 0; i < matches.size(); i++) {
            int windowEnd = matches.get(i)[0] + TARGET_LENGTH;
            while (j < matches.size() && matches.get(j)[1] <= windowEnd) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                bestStart = matches.get(i)[0];
            }
        }
        int start = sentenceOrWordStart(text, bestStart);
        int end = wordEnd(text, Math.min(text.length(), Math.max(start + TARGET_LENGTH, bestStart + 1)));
        StringBuilder out = new StringBuilder(end - start + 64);
        if (start > 0) {
            out.append(ELLIPSIS);
        }
        int position = start;
        for (int[] match : matches) {
            int matchStart = Math.max(match[0], position);
            int matchEnd = Math.min(match[1], end);
            if (matchStart >= end || matchEnd <= matchStart) {
                continue;
            }
            appendPlain(out, text, position, matchStart);
            out.append("<mark>");
            appendPlain(out, text, matchStart, matchEnd);
            out.append("</mark>");
            position = matchEnd;
        }
        appendPlain(out, text, position, end);
        if (end < text.length()) {
            out.append(ELLIPSIS);
        }
        return out.toString().strip();
    }

    /** Back from {@code offset} to the start of its sentence if that is near, else of its word. */
    private static int sentenceOrWordStart(String text, int offset) {
        int limit = Math.max(0, offset - TARGET_LENGTH / 3);
        for (int i = offset; i > limit; i--) {
            char previous = text.charAt(i - 1);
            if (previous == '\n' || ((previous == ' ') && i >= 2 && ".!?".indexOf(text.charAt(i - 2)) >= 0)) {
                return i;
            }
        }
        if (limit == 0) {
            return 0;
        }
        int i = limit;
        while (i < offset && !Character.isWhitespace(text.charAt(i - 1))) {
            i++;
        }
        return i;
    }

    private static int wordEnd(String text, int offset) {
        int i = offset;
        while (i < text.length() && i < offset + 24 && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void appendPlain(StringBuilder out, String text, int start, int end) {
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            Html.append(out, c);
        }
        if (space) {
            out.append(' ');
        }
    }

    private static String opening(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() > TARGET_LENGTH) {
            int cut = flat.lastIndexOf(' ', TARGET_LENGTH);
            flat = flat.substring(0, cut > TARGET_LENGTH / 2 ? cut : TARGET_LENGTH) + ELLIPSIS;
        }
        return Html.escape(flat);
    }
}
