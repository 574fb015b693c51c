package dev.helpsearch.index;

/**
 * Every field name of the index, in one place. An index holds two kinds of documents: one per
 * article (its title, description and intro) and one per section (its heading and text, with the
 * article's title repeated so a section can match on what its page is about).
 */
public final class IndexFields {

    private IndexFields() {}

    // Identity and display, stored.
    /** "article" or "section". */
    public static final String KIND = "kind";
    /** {@code path#anchor} for a section, {@code path} for an article: unique per hit. */
    public static final String URL = "url";

    public static final String PATH = "path";
    public static final String ANCHOR = "anchor";
    public static final String FILE = "file";
    public static final String TITLE = "title";
    public static final String HEADING = "heading";
    public static final String LEVEL = "level";
    public static final String CATEGORY = "category";
    public static final String ORDER = "order";
    public static final String UPDATED_AT = "updatedAt";
    public static final String DESCRIPTION = "description";
    /** Rendered safe HTML: a section's body, or an article's whole page body (binary doc values). */
    public static final String HTML = "html";
    /** What a hit shows, as a {@link HitRecord} (binary doc values). */
    public static final String HIT = "hit";
    /** An article's headings (its table of contents), as JSON (binary doc values). */
    public static final String TOC = "toc";
    /** Where an article document came from, a {@link SourceRecord} (binary doc values). */
    public static final String SOURCE = "source";
    /** Position of a section within its article, for stable ordering. */
    public static final String SECTION_INDEX = "sectionIndex";

    // Searchable text, analysed for English.
    /** What a document is about: a section's heading, or an article's title. */
    public static final String HEADING_TEXT = "headingText";
    /** Where a section sits: its page's title and the parent headings between (sections only). */
    public static final String CONTEXT_TEXT = "contextText";
    /**
     * What a document says: a section's prose, or an article's description and intro. With
     * offsets: snippets are cut from it (its text is in the {@link #HIT} record).
     */
    public static final String CONTENT_TEXT = "contentText";
    /**
     * A section's code blocks, apart from its prose: code is long and repetitive, and in the same
     * field it would stretch every section's length and outweigh the prose. With offsets, for snippets.
     */
    public static final String CODE_TEXT = "codeText";
    /** Heading, context, content and code together, for counting how many of a query's words a hit has. */
    public static final String ALL_TEXT = "allText";

    /**
     * The same text analysed for identifiers (file names, config keys, commands, error codes),
     * whole and by their parts.
     */
    public static final String IDENT_TEXT = "identText";
    /** The heading alone analysed for identifiers: a section titled {@code useCookie} is about it. */
    public static final String HEADING_IDENT = "headingIdent";

    /** A document's meaning as a unit vector of the embedding model (HNSW, dot product); optional. */
    public static final String VECTOR = "vector";
    /** Hash of the model and the exact text a vector was computed from: the embedding cache's key. */
    public static final String EMBEDDING_KEY = "embeddingKey";

    /** Every word of the text, unstemmed: the vocabulary "did you mean" corrects towards. */
    public static final String SPELL_TEXT = "spellText";

    /** Word prefixes of titles and headings, for as-you-type suggestions. */
    public static final String SUGGEST_PREFIX = "suggestPrefix";

    public static final String KIND_ARTICLE = "article";
    public static final String KIND_SECTION = "section";
    /** A page that only forwards elsewhere: never a hit, only answered at its path. */
    public static final String KIND_REDIRECT = "redirect";
    /** Where a redirect page forwards to. */
    public static final String REDIRECT = "redirect";
}
