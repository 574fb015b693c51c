package dev.helpsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Everything a search hit shows, kept per document in binary doc values ({@link IndexFields#HIT}):
 * one uncompressed read per hit, where stored fields would decompress a block shared with other
 * documents for each of them.
 *
 * @param url      the document's url: the article path, with "#anchor" for a section
 * @param path     the article's path
 * @param anchor   the section's anchor, "" for the article
 * @param title    the article's title
 * @param heading  the section's heading, "" for the article
 * @param titles   the headings above the section, the article title first
 * @param category the article's category
 * @param prose    the text snippets are cut from: a section's prose, an article's description and intro
 * @param code     a section's code blocks, "" for none
 */
public record HitRecord(
        String url,
        String path,
        String anchor,
        String title,
        String heading,
        List<String> titles,
        String category,
        String prose,
        String code) {

    public HitRecord {
        titles = List.copyOf(titles);
    }

    public boolean isArticle() {
        return anchor.isEmpty();
    }

    public BytesRef encode() {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            for (String value : List.of(url, path, anchor, title, heading, category, prose, code)) {
                out.writeString(value);
            }
            out.writeVInt(titles.size());
            for (String value : titles) {
                out.writeString(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    public static HitRecord decode(BytesRef bytes) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        try {
            String url = in.readString();
            String path = in.readString();
            String anchor = in.readString();
            String title = in.readString();
            String heading = in.readString();
            String category = in.readString();
            String prose = in.readString();
            String code = in.readString();
            int count = in.readVInt();
            List<String> titles = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                titles.add(in.readString());
            }
            return new HitRecord(url, path, anchor, title, heading, titles, category, prose, code);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable hit record", e);
        }
    }
}
