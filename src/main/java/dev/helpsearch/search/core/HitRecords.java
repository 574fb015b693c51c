package dev.helpsearch.search.core;

import dev.helpsearch.index.HitRecord;
import dev.helpsearch.index.IndexFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/** Reads what hits show from the index's {@link IndexFields#HIT} doc values. */
public final class HitRecords {

    private HitRecords() {}

    /** The record of each document, in the order given. */
    public static HitRecord[] read(IndexSearcher searcher, int[] docIds) throws IOException {
        // doc values are read forward: visit the documents in id order
        Integer[] byDoc = new Integer[docIds.length];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, (a, b) -> Integer.compare(docIds[a], docIds[b]));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        HitRecord[] records = new HitRecord[docIds.length];
        int leaf = -1;
        BinaryDocValues values = null;
        for (int i : byDoc) {
            int current = ReaderUtil.subIndex(docIds[i], leaves);
            if (current != leaf) {
                leaf = current;
                values = DocValues.getBinary(leaves.get(leaf).reader(), IndexFields.HIT);
            }
            if (!values.advanceExact(docIds[i] - leaves.get(leaf).docBase)) {
                throw new IllegalStateException("document " + docIds[i] + " has no hit record");
            }
            records[i] = HitRecord.decode(values.binaryValue());
        }
        return records;
    }

    public static HitRecord read(IndexSearcher searcher, int docId) throws IOException {
        return read(searcher, new int[] {docId})[0];
    }
}
