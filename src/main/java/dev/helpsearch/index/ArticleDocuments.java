package dev.helpsearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.helpsearch.article.Article;
import dev.helpsearch.article.Section;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Turns an article into its Lucene documents: one for the article, one per section. */
public final class ArticleDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Text with offsets in the postings, so snippets are cut without analysing it again. */
    static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();
    /** Words only: no frequencies, positions or norms, since it is only looked up, never scored. */
    private static final FieldType VOCABULARY = vocabulary();

    private ArticleDocuments() {}

    /** The article's documents, article document first, sections in page order. */
    public static List<Document> of(Article article) {
        return of(article, null);
    }

    /**
     * The article's documents with, when {@code vectors} is given, each one's embedding of its
     * {@link EmbeddingText} and the key that text is cached under.
     */
    public static List<Document> of(Article article, Vectors vectors) {
        return of(article, vectors, "");
    }

    /**
     * As {@link #of(Article, Vectors)}, remembering the stamp (size and time) of the file the
     * article was read from, so that an unchanged file need not be read again.
     */
    public static List<Document> of(Article article, Vectors vectors, String fileStamp) {
        List<Document> docs = new ArrayList<>();
        Document articleDocument = articleDocument(article);
        SourceRecord source = new SourceRecord(article.file(), article.path(), article.contentHash(), fileStamp);
        articleDocument.add(new BinaryDocValuesField(IndexFields.SOURCE, source.encode()));
        docs.add(withVector(articleDocument, EmbeddingText.ofArticle(article), vectors));
        for (int i = 0; i < article.sections().size(); i++) {
            Section section = article.sections().get(i);
            docs.add(withVector(
                    sectionDocument(article, section, i), EmbeddingText.ofSection(article, section), vectors));
        }
        return docs;
    }

    /**
     * The one document of a redirect page: its path and target, and its source so that updates
     * track it like an article. No text, category or vector, so no search can find it.
     */
    public static Document redirect(String file, String path, String target, String contentHash, String fileStamp) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KIND, IndexFields.KIND_REDIRECT, Field.Store.YES));
        // the same field types as every other document's: Lucene keeps one schema per field
        doc.add(new StringField(IndexFields.URL, path, Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.URL, new BytesRef(path)));
        doc.add(new StringField(IndexFields.PATH, path, Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.PATH, new BytesRef(path)));
        doc.add(new StoredField(IndexFields.FILE, file));
        doc.add(new StoredField(IndexFields.REDIRECT, target));
        doc.add(new BinaryDocValuesField(
                IndexFields.SOURCE, new SourceRecord(file, path, contentHash, fileStamp).encode()));
        return doc;
    }

    /** Where vectors come from when indexing: a cache of earlier ones, or the model. */
    public interface Vectors {
        /** The cache key of {@code text}'s vector: the model and the text, hashed. */
        String key(String text);

        float[] vector(String key, String text);
    }

    private static Document withVector(Document doc, String text, Vectors vectors) {
        if (vectors != null) {
            String key = vectors.key(text);
            doc.add(new StringField(IndexFields.EMBEDDING_KEY, key, Field.Store.NO));
            doc.add(new KnnFloatVectorField(
                    IndexFields.VECTOR, vectors.vector(key, text), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    private static Document articleDocument(Article article) {
        Document doc = common(article, IndexFields.KIND_ARTICLE, article.path(), "", "");
        doc.add(new StoredField(IndexFields.DESCRIPTION, article.description()));
        // page-sized values live in doc values, out of the stored-field blocks every hit decompresses
        doc.add(new BinaryDocValuesField(IndexFields.HTML, new BytesRef(article.html())));
        doc.add(new BinaryDocValuesField(IndexFields.TOC, new BytesRef(toc(article))));
        doc.add(new NumericDocValuesField(IndexFields.LEVEL, 0));
        doc.add(new StoredField(IndexFields.LEVEL, 0));
        doc.add(new TextField(IndexFields.SUGGEST_PREFIX, article.title(), Field.Store.NO));
        // the article document is "about" its title the way a section is about its heading
        String prose = join(article.description(), article.intro());
        addSearchText(doc, article.title(), "", prose, "");
        doc.add(new BinaryDocValuesField(
                IndexFields.HIT,
                new HitRecord(
                                article.path(),
                                article.path(),
                                "",
                                article.title(),
                                "",
                                List.of(),
                                article.category(),
                                prose,
                                "")
                        .encode()));
        addVocabulary(doc, article.title(), article.description(), article.intro());
        return doc;
    }

    private static Document sectionDocument(Article article, Section section, int index) {
        String url = article.path() + "#" + section.anchor();
        Document doc = common(article, IndexFields.KIND_SECTION, url, section.anchor(), section.heading());
        doc.add(new BinaryDocValuesField(IndexFields.HTML, new BytesRef(section.html())));
        doc.add(new NumericDocValuesField(IndexFields.LEVEL, section.level()));
        doc.add(new StoredField(IndexFields.LEVEL, section.level()));
        doc.add(new StoredField(IndexFields.SECTION_INDEX, index));
        doc.add(new TextField(IndexFields.SUGGEST_PREFIX, section.heading(), Field.Store.NO));
        // a section also matches on the page it is on and the headings above it, at a lower weight
        String context = String.join("\n", section.titles().isEmpty() ? List.of(article.title()) : section.titles());
        addSearchText(doc, section.heading(), context, section.text(), section.code());
        doc.add(new BinaryDocValuesField(
                IndexFields.HIT,
                new HitRecord(
                                url,
                                article.path(),
                                section.anchor(),
                                article.title(),
                                section.heading(),
                                section.titles(),
                                article.category(),
                                section.text(),
                                section.code())
                        .encode()));
        addVocabulary(doc, section.heading(), section.text());
        return doc;
    }

    /** Identity, display and filter fields every document has. */
    private static Document common(Article article, String kind, String url, String anchor, String heading) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KIND, kind, Field.Store.YES));
        doc.add(new StringField(IndexFields.URL, url, Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.URL, new BytesRef(url)));
        doc.add(new StringField(IndexFields.PATH, article.path(), Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexFields.PATH, new BytesRef(article.path())));
        doc.add(new StoredField(IndexFields.ANCHOR, anchor));
        doc.add(new StoredField(IndexFields.FILE, article.file()));
        doc.add(new StoredField(IndexFields.TITLE, article.title()));
        doc.add(new StoredField(IndexFields.HEADING, heading));
        doc.add(new StringField(IndexFields.CATEGORY, article.category(), Field.Store.YES));
        if (article.order() != null) {
            doc.add(new IntField(IndexFields.ORDER, article.order(), Field.Store.YES));
        }
        if (article.updatedAt() != null) {
            doc.add(new StoredField(IndexFields.UPDATED_AT, article.updatedAt()));
        }
        return doc;
    }

    /** The searchable views of a document's text: English per part, all parts together, identifiers. */
    private static void addSearchText(Document doc, String heading, String context, String content, String code) {
        addIfPresent(doc, new TextField(IndexFields.HEADING_TEXT, heading, Field.Store.NO));
        addIfPresent(doc, new TextField(IndexFields.CONTEXT_TEXT, context, Field.Store.NO));
        addIfPresent(doc, new Field(IndexFields.CONTENT_TEXT, content, TEXT_WITH_OFFSETS));
        addIfPresent(doc, new Field(IndexFields.CODE_TEXT, code, TEXT_WITH_OFFSETS));
        String all = join(join(join(heading, context), content), code);
        addIfPresent(doc, new TextField(IndexFields.ALL_TEXT, all, Field.Store.NO));
        addIfPresent(doc, new TextField(IndexFields.IDENT_TEXT, all, Field.Store.NO));
        addIfPresent(doc, new TextField(IndexFields.HEADING_IDENT, heading, Field.Store.NO));
    }

    private static void addIfPresent(Document doc, Field field) {
        if (!field.stringValue().isEmpty()) {
            doc.add(field);
        }
    }

    private static void addVocabulary(Document doc, String... texts) {
        for (String text : texts) {
            if (text != null && !text.isEmpty()) {
                doc.add(new Field(IndexFields.SPELL_TEXT, text, VOCABULARY));
            }
        }
    }

    private static String join(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + "\n" + second;
    }

    private static String toc(Article article) {
        try {
            return JSON.writeValueAsString(article.headings());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headings are plain records", e);
        }
    }

    private static FieldType vocabulary() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
