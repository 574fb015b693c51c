package dev.helpsearch.search;

import dev.helpsearch.index.IndexFields;
import java.util.List;

/**
 * The knobs of relevance, in one immutable value so that the evaluation harness can compare
 * settings side by side. {@link #defaults()} holds the measured choice (see eval/README.md).
 */
public record Ranking(
        List<FieldWeight> textFields,
        List<FieldWeight> prefixFields,
        List<FieldWeight> identifierFields,
        float tieBreaker,
        float identifierBoost,
        float phraseBoost,
        int phraseSlop,
        float typoDiscount,
        float prefixDiscount,
        int minPrefixLength) {

    public Ranking {
        textFields = List.copyOf(textFields);
        prefixFields = List.copyOf(prefixFields);
        identifierFields = List.copyOf(identifierFields);
    }

    public record FieldWeight(String field, float weight) {
    }

    public static Ranking defaults() {
        return new Ranking(
                List.of(new FieldWeight(IndexFields.HEADING_TEXT, 3f),
                        new FieldWeight(IndexFields.TITLE_TEXT, 2f),
                        new FieldWeight(IndexFields.BREADCRUMB_TEXT, 1f),
                        new FieldWeight(IndexFields.BODY_TEXT, 1f),
                        new FieldWeight(IndexFields.CODE_TEXT, 0.5f)),
                List.of(new FieldWeight(IndexFields.HEADING_TEXT, 3f),
                        new FieldWeight(IndexFields.TITLE_TEXT, 2f),
                        new FieldWeight(IndexFields.BODY_TEXT, 1f)),
                List.of(new FieldWeight(IndexFields.HEADING_IDENT, 3f),
                        new FieldWeight(IndexFields.TITLE_IDENT, 2f),
                        new FieldWeight(IndexFields.BODY_IDENT, 1f),
                        new FieldWeight(IndexFields.CODE_IDENT, 1f)),
                0.2f,
                1f,
                1.5f,
                3,
                0.3f,
                0.6f,
                2);
    }

    /** Typo tolerance as Meilisearch and Typesense default: none under 5 letters, 1 edit, 2 from 9. */
    public int typoEdits(int length) {
        if (length < 5) {
            return 0;
        }
        return length < 9 ? 1 : 2;
    }

    /** How many of {@code clauses} words must match: all of a short query, a share of a long one. */
    public int minimumShouldMatch(int clauses) {
        if (clauses <= 2) {
            return clauses;
        }
        if (clauses <= 4) {
            return clauses - 1;
        }
        if (clauses <= 8) {
            return (int) Math.ceil(clauses * 0.5);
        }
        return (int) Math.ceil(clauses * 0.25);
    }
}
