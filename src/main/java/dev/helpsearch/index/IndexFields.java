package dev.helpsearch.index;

/**
 * Every field name of the index, in one place. An index holds two kinds of documents: one per
 * article (its title, description and intro) and one per section (its heading and text, with the
 * article's title repeated so a section can match on what its page is about).
 */
public final class IndexFields {

    private IndexFields() {
    }

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
    /** Breadcrumb titles above a section, one stored value each. */
    public static final String TITLES = "titles";
    public static final String CATEGORY = "category";
    public static final String ORDER = "order";
    public static final String UPDATED_AT = "updatedAt";
    public static final String DESCRIPTION = "description";
    /** Rendered safe HTML: a section's body, or an article's whole page body. */
    public static final String HTML = "html";
    /** An article's headings (its table of contents), as JSON. */
    public static final String TOC = "toc";
    /** Hash of an article's source file, stored on its article document. */
    public static final String CONTENT_HASH = "contentHash";
    /** Position of a section within its article, for stable ordering. */
    public static final String SECTION_INDEX = "sectionIndex";

    // Searchable text, analysed for English.
    /** The article title, on section documents: the page a section belongs to. */
    public static final String TITLE_TEXT = "titleText";
    /** What a document is about: a section's heading, or an article's title. */
    public static final String HEADING_TEXT = "headingText";
    /** Parent headings between the article title and the section. */
    public static final String BREADCRUMB_TEXT = "breadcrumbText";
    /** The prose: a section's text, or an article's description and intro. Stored for snippets. */
    public static final String BODY_TEXT = "bodyText";
    /** Code blocks. Stored for snippets. */
    public static final String CODE_TEXT = "codeText";

    // The same text analysed for identifiers (file names, config keys, commands, error codes).
    public static final String TITLE_IDENT = "titleIdent";
    public static final String HEADING_IDENT = "headingIdent";
    public static final String BODY_IDENT = "bodyIdent";
    public static final String CODE_IDENT = "codeIdent";

    /** Every word of the text, unstemmed: the vocabulary "did you mean" corrects towards. */
    public static final String SPELL_TEXT = "spellText";

    /** Word prefixes of titles and headings, for as-you-type suggestions. */
    public static final String SUGGEST_PREFIX = "suggestPrefix";

    public static final String KIND_ARTICLE = "article";
    public static final String KIND_SECTION = "section";
}
