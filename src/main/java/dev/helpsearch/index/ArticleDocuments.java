package dev.helpsearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.helpsearch.article.Article;
import dev.helpsearch.article.Section;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/** Turns an article into its Lucene documents: one for the article, one per section. */
public final class ArticleDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Stored text with offsets in the postings, so snippets are cut without re-analysing. */
    static final FieldType STORED_TEXT_WITH_OFFSETS = storedTextWithOffsets();

    private ArticleDocuments() {
    }

    /** The article's documents, article document first, sections in page order. */
    public static List<Document> of(Article article) {
        List<Document> docs = new ArrayList<>();
        docs.add(articleDocument(article));
        for (int i = 0; i < article.sections().size(); i++) {
            docs.add(sectionDocument(article, article.sections().get(i), i));
        }
        return docs;
    }

    private static Document articleDocument(Article article) {
        Document doc = common(article, IndexFields.KIND_ARTICLE, article.path(), "", "");
        doc.add(new StoredField(IndexFields.DESCRIPTION, article.description()));
        doc.add(new StoredField(IndexFields.HTML, article.html()));
        doc.add(new StoredField(IndexFields.TOC, toc(article)));
        doc.add(new StoredField(IndexFields.CONTENT_HASH, article.contentHash()));
        doc.add(new NumericDocValuesField(IndexFields.LEVEL, 0));
        doc.add(new StoredField(IndexFields.LEVEL, 0));
        // The article document is "about" its title the way a section is about its heading.
        addText(doc, IndexFields.HEADING_TEXT, IndexFields.HEADING_IDENT, article.title(), false);
        String body = join(article.description(), article.intro());
        addText(doc, IndexFields.BODY_TEXT, IndexFields.BODY_IDENT, body, true);
        addVocabulary(doc, article.title(), body);
        return doc;
    }

    private static Document sectionDocument(Article article, Section section, int index) {
        String url = article.path() + "#" + section.anchor();
        Document doc = common(article, IndexFields.KIND_SECTION, url, section.anchor(), section.heading());
        doc.add(new StoredField(IndexFields.HTML, section.html()));
        doc.add(new NumericDocValuesField(IndexFields.LEVEL, section.level()));
        doc.add(new StoredField(IndexFields.LEVEL, section.level()));
        doc.add(new StoredField(IndexFields.SECTION_INDEX, index));
        for (String title : section.titles()) {
            doc.add(new StoredField(IndexFields.TITLES, title));
        }
        addText(doc, IndexFields.HEADING_TEXT, IndexFields.HEADING_IDENT, section.heading(), false);
        List<String> parents = section.titles().isEmpty() ? List.of() : section.titles().subList(1, section.titles().size());
        if (!parents.isEmpty()) {
            doc.add(new TextField(IndexFields.BREADCRUMB_TEXT, String.join("\n", parents), Field.Store.NO));
        }
        addText(doc, IndexFields.BODY_TEXT, IndexFields.BODY_IDENT, section.text(), true);
        addText(doc, IndexFields.CODE_TEXT, IndexFields.CODE_IDENT, section.code(), true);
        doc.add(new TextField(IndexFields.SUGGEST_PREFIX, section.heading(), Field.Store.NO));
        addVocabulary(doc, section.heading(), section.text());
        return doc;
    }

    /** Fields every document has: identity, display, filters, and the article title as text. */
    private static Document common(Article article, String kind, String url, String anchor, String heading) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KIND, kind, Field.Store.YES));
        doc.add(new StringField(IndexFields.URL, url, Field.Store.YES));
        doc.add(new StringField(IndexFields.PATH, article.path(), Field.Store.YES));
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
        if (kind.equals(IndexFields.KIND_ARTICLE)) {
            doc.add(new TextField(IndexFields.SUGGEST_PREFIX, article.title(), Field.Store.NO));
        } else {
            // a section also matches on what its page is about, at a lower weight than its own heading
            addText(doc, IndexFields.TITLE_TEXT, IndexFields.TITLE_IDENT, article.title(), false);
        }
        return doc;
    }

    private static void addText(Document doc, String englishField, String identField, String text, boolean stored) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (stored) {
            doc.add(new Field(englishField, text, STORED_TEXT_WITH_OFFSETS));
        } else {
            doc.add(new TextField(englishField, text, Field.Store.NO));
        }
        doc.add(new TextField(identField, text, Field.Store.NO));
    }

    private static void addVocabulary(Document doc, String... texts) {
        for (String text : texts) {
            if (text != null && !text.isEmpty()) {
                doc.add(new Field(IndexFields.SPELL_TEXT, text, VOCABULARY));
            }
        }
    }

    private static String toc(Article article) {
        try {
            return JSON.writeValueAsString(article.headings());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headings are plain records", e);
        }
    }

    private static String join(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + "\n" + second;
    }

    /** Words only: no frequencies, positions or norms, since it is only looked up, never scored. */
    private static final FieldType VOCABULARY = vocabulary();

    private static FieldType vocabulary() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    private static FieldType storedTextWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
