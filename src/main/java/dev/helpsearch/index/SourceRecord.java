package dev.helpsearch.index;

import dev.helpsearch.article.ArticleLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Which file an article document was indexed from and in what state, kept in doc values on the
 * article document: an update reads it for every article to tell what changed, and doc values
 * read ten thousand of them in milliseconds where stored fields decompress a block for each.
 *
 * @param file        the source file, relative to the articles folder
 * @param path        the article's path
 * @param contentHash the hash of the text it was indexed from
 * @param fileStamp   the file's size and time when it was read, "" if unknown
 */
record SourceRecord(String file, String path, String contentHash, String fileStamp) {

    ArticleLoader.Indexed indexed() {
        return new ArticleLoader.Indexed(path, contentHash, fileStamp);
    }

    BytesRef encode() {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        out.writeString(file);
        out.writeString(path);
        out.writeString(contentHash);
        out.writeString(fileStamp);
        return new BytesRef(out.toArrayCopy());
    }

    static SourceRecord decode(BytesRef bytes) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        try {
            return new SourceRecord(in.readString(), in.readString(), in.readString(), in.readString());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable source record", e);
        }
    }
}
