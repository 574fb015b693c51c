package dev.helpsearch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.helpsearch.article.Article;
import dev.helpsearch.article.ArticleLoader;
import dev.helpsearch.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on disk: its documents, and a rebuild that either completes or changes nothing. */
class IndexBuilderTest {

    private static List<Article> seed;

    @TempDir
    Path index;

    @BeforeAll
    static void loadSeed() throws IOException {
        seed = new ArticleLoader().load(Fixtures.HELP_CENTER, false).articles();
    }

    @Test
    void everyArticleAndSectionIsADocumentWithItsUrl() throws IOException {
        IndexMetadata metadata = new IndexBuilder().rebuild(index, seed);
        assertThat(metadata.articles()).isEqualTo(4);
        assertThat(metadata.sections()).isEqualTo(25);

        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            assertThat(reader.numDocs()).isEqualTo(29);
            Document portConflict =
                    only(searcher, IndexFields.URL, "/troubleshooting/gateway-fails-to-start#port-conflict");
            assertThat(portConflict.get(IndexFields.KIND)).isEqualTo("section");
            assertThat(portConflict.get(IndexFields.ANCHOR)).isEqualTo("port-conflict");
            assertThat(portConflict.get(IndexFields.HEADING)).isEqualTo("Port conflict");
            assertThat(portConflict.get(IndexFields.TITLE)).isEqualTo("Gateway fails to start");
            assertThat(portConflict.get(IndexFields.CATEGORY)).isEqualTo("troubleshooting");
            assertThat(portConflict.getField(IndexFields.ORDER).numericValue()).isEqualTo(2);
            assertThat(portConflict.get(IndexFields.UPDATED_AT)).isEqualTo("2026-03-30");
            HitRecord portConflictHit = hitRecord(searcher, "/troubleshooting/gateway-fails-to-start#port-conflict");
            assertThat(portConflictHit.titles()).containsExactly("Gateway fails to start");
            assertThat(portConflictHit.heading()).isEqualTo("Port conflict");
            assertThat(portConflictHit.prose())
                    .contains("already using port 18789")
                    .contains("lsof -i :18789");
            assertThat(portConflictHit.code()).isEmpty();

            Document article = only(searcher, IndexFields.URL, "/troubleshooting/gateway-fails-to-start");
            assertThat(article.get(IndexFields.KIND)).isEqualTo("article");
            assertThat(article.get(IndexFields.ANCHOR)).isEmpty();
            HitRecord articleHit = hitRecord(searcher, "/troubleshooting/gateway-fails-to-start");
            assertThat(articleHit.isArticle()).isTrue();
            assertThat(articleHit.prose()).startsWith("Diagnose and fix port conflicts");
            assertThat(articleHit.titles()).isEmpty();

            assertThat(searcher.count(new TermQuery(new Term(IndexFields.CONTENT_TEXT, "18789"))))
                    .isEqualTo(2);
            assertThat(searcher.count(new TermQuery(new Term(IndexFields.HEADING_TEXT, "conflict"))))
                    .isEqualTo(1);
            assertThat(searcher.count(new TermQuery(new Term(IndexFields.CONTEXT_TEXT, "gateway"))))
                    .isEqualTo(6);
            assertThat(searcher.count(new TermQuery(new Term(IndexFields.ALL_TEXT, "18789"))))
                    .isEqualTo(2);
            assertThat(searcher.count(new TermQuery(new Term(IndexFields.IDENT_TEXT, "openclaw.json"))))
                    .isEqualTo(3);
            assertThat(searcher.count(new TermQuery(new Term(IndexFields.IDENT_TEXT, "dir"))))
                    .isEqualTo(1);
        }
    }

    @Test
    void aRebuildThatFailsMidwayLeavesThePreviousIndexWhole() throws IOException {
        IndexMetadata first = new IndexBuilder().rebuild(index, seed);

        List<Article> explodes = new AbstractList<>() {
            @Override
            public Article get(int i) {
                if (i == 2) {
                    throw new IllegalStateException("disk on fire");
                }
                return seed.get(i);
            }

            @Override
            public int size() {
                return seed.size();
            }
        };
        assertThatThrownBy(() -> new IndexBuilder().rebuild(index, explodes)).hasMessage("disk on fire");

        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            assertThat(reader.numDocs()).isEqualTo(29);
            assertThat(IndexMetadata.fromCommitData(reader.getIndexCommit().getUserData()))
                    .isEqualTo(first);
        }
    }

    @Test
    void aRebuildReplacesTheWholeIndexAndCountsVersions() throws IOException {
        new IndexBuilder().rebuild(index, seed);
        List<Article> fewer = new ArrayList<>(seed.subList(0, 1));
        IndexMetadata second = new IndexBuilder().rebuild(index, fewer);
        assertThat(second.version()).isEqualTo(2);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            assertThat(reader.numDocs()).isEqualTo(1 + fewer.get(0).sections().size());
        }
    }

    private static HitRecord hitRecord(IndexSearcher searcher, String url) throws IOException {
        TopDocs hits = searcher.search(new TermQuery(new Term(IndexFields.URL, url)), 2);
        assertThat(hits.scoreDocs).hasSize(1);
        BinaryDocValues records = MultiDocValues.getBinaryValues(searcher.getIndexReader(), IndexFields.HIT);
        assertThat(records.advanceExact(hits.scoreDocs[0].doc)).isTrue();
        return HitRecord.decode(records.binaryValue());
    }

    private static Document only(IndexSearcher searcher, String field, String value) throws IOException {
        TopDocs hits = searcher.search(new TermQuery(new Term(field, value)), 2);
        assertThat(hits.scoreDocs).hasSize(1);
        return searcher.storedFields().document(hits.scoreDocs[0].doc);
    }
}
