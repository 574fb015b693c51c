package dev.helpsearch.search.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/** Reads text kept in binary doc values (page-sized values: rendered HTML, tables of contents). */
public final class DocValueText {

    private DocValueText() {}

    /** The field's text for one document, or "" when it has none. */
    public static String read(IndexSearcher searcher, int docId, String field) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
        BinaryDocValues values = leaf.reader().getBinaryDocValues(field);
        if (values == null || !values.advanceExact(docId - leaf.docBase)) {
            return "";
        }
        BytesRef bytes = values.binaryValue();
        return new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
    }
}
