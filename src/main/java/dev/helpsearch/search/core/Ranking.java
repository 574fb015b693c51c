package dev.helpsearch.search.core;

import dev.helpsearch.index.IndexFields;
import dev.helpsearch.text.Words;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The knobs of relevance, in one immutable value so that the evaluation harness can compare
 * settings side by side. {@link #defaults()} holds the measured choice (see eval/README.md).
 *
 * @param textFields        fields every word is searched in, with their weights
 * @param prefixFields      fields the word being typed is matched in as a prefix
 * @param identifierFields  fields of the identifier view
 * @param combinedFields    score single words across fields as BM25F instead of best-field
 * @param minCountedPrefix  a word being typed counts as a required word from this many letters
 * @param minPrefixLength   from this many letters the word being typed is also a prefix in prose
 * @param minimumMatch      how many known words a hit must contain
 * @param relaxBelow        with fewer hits than this, the query is run again needing any one word,
 *                          and those hits follow the stricter ones
 * @param synonymWeight     weight of a synonym relative to the word the user wrote (0..1)
 * @param knownWordPrefixWeight weight of longer words when the word being typed is already a word
 *                          of the index ("out" also finds "outage", but less)
 * @param articleBoost      score factor of whole-article hits against section hits
 * @param subsectionBoost   score factor of sections below h2 (h3 and deeper)
 * @param coverageBoost     score each known word adds when a hit contains it at all, whatever its
 *                          frequency: hits covering more of the query's words rank higher
 * @param identifierPartWeight weight of a word found as a part of an identifier ("fetch" in
 *                          useFetch) relative to the same word in prose; 0 leaves it to the
 *                          identifier clauses
 * @param drillDownRatio    a section that contains more of the query's words than its own
 *                          article is put above it when it scores at least this share of the
 *                          article's score (above 1: never)
 *
 * <p>How the lexical and the semantic side are fused is not a knob here: it is fitted by
 * cross-validation ({@code rank.LearnedFusion}, eval/README.md).
 */
public record Ranking(
        List<FieldWeight> textFields,
        List<FieldWeight> prefixFields,
        List<FieldWeight> identifierFields,
        boolean combinedFields,
        float tieBreaker,
        float identifierBoost,
        float phraseBoost,
        int phraseSlop,
        int maxPhraseWords,
        float typoDiscount,
        float prefixDiscount,
        int minPrefixLength,
        int minCountedPrefix,
        MinimumMatch minimumMatch,
        int relaxBelow,
        float synonymWeight,
        float knownWordPrefixWeight,
        float articleBoost,
        float subsectionBoost,
        float coverageBoost,
        float identifierPartWeight,
        float drillDownRatio) {

    /** Greetings, sign-offs and politeness that pasted tickets carry and no article answers. */
    private static final Set<String> FILLER = Set.of(
            "hi",
            "hello",
            "hey",
            "dear",
            "team",
            "folks",
            "everyone",
            "all",
            "thanks",
            "thank",
            "thx",
            "regards",
            "cheers",
            "best",
            "kind",
            "sincerely",
            "please",
            "pls",
            "appreciate",
            "appreciated",
            "morning",
            "afternoon",
            "evening",
            "hope",
            "hoping",
            "wondering",
            "anyone",
            "somebody",
            "someone",
            "advance",
            "question",
            "quick",
            "ok",
            "okay",
            "sorry",
            "support");
    /** Below this many words a query is typed, not pasted, and every word is meant. */
    private static final int FILLER_FROM_WORDS = 12;

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    public Ranking {
        textFields = List.copyOf(textFields);
        prefixFields = List.copyOf(prefixFields);
        identifierFields = List.copyOf(identifierFields);
    }

    public record FieldWeight(String field, float weight) {}

    public static Ranking defaults() {
        return new Ranking(
                List.of(
                        new FieldWeight(IndexFields.HEADING_TEXT, 3f),
                        new FieldWeight(IndexFields.CONTEXT_TEXT, 2f),
                        new FieldWeight(IndexFields.CONTENT_TEXT, 1f),
                        new FieldWeight(IndexFields.CODE_TEXT, 0.5f)),
                List.of(
                        new FieldWeight(IndexFields.HEADING_TEXT, 3f),
                        new FieldWeight(IndexFields.CONTEXT_TEXT, 2f),
                        new FieldWeight(IndexFields.CONTENT_TEXT, 1f)),
                List.of(new FieldWeight(IndexFields.HEADING_IDENT, 3f), new FieldWeight(IndexFields.IDENT_TEXT, 1f)),
                false,
                0.2f,
                1f,
                0f,
                3,
                6,
                0.9f,
                0.6f,
                2,
                3,
                MinimumMatch.STRICT,
                10,
                0.8f,
                0.5f,
                1.2f,
                1f,
                5f,
                0.6f,
                0.5f);
    }

    /** How many of a query's known words a hit must contain. */
    public enum MinimumMatch {
        /** all of two, all but one of three or four, half of up to eight, a quarter beyond */
        STRICT,
        /** all of one or two, then a third */
        THIRD,
        /** any one */
        ANY
    }

    /**
     * This ranking with one setting changed, by component name ({@code phraseBoost=2},
     * {@code minimumMatch=THIRD}), or a field's weight ({@code weight.contextText=1}; 0 drops the
     * field); for trying settings in the evaluation harness.
     */
    public Ranking with(String name, String value) {
        RecordComponent[] components = Ranking.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getAccessor().invoke(this);
                if (name.startsWith("weight.") && types[i] == List.class) {
                    @SuppressWarnings("unchecked")
                    List<FieldWeight> fields = (List<FieldWeight>) values[i];
                    values[i] = reweighted(fields, name.substring("weight.".length()), Float.parseFloat(value));
                    found = true;
                } else if (components[i].getName().equals(name)) {
                    values[i] = parse(types[i], value);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("no ranking setting " + name);
            }
            return Ranking.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FieldWeight> reweighted(List<FieldWeight> fields, String field, float weight) {
        return fields.stream()
                .map(f -> f.field().equals(field) ? new FieldWeight(field, weight) : f)
                .filter(f -> f.weight() > 0)
                .toList();
    }

    private static Object parse(Class<?> type, String value) {
        if (type == float.class) {
            return Float.parseFloat(value);
        }
        if (type == int.class) {
            return Integer.parseInt(value);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(value);
        }
        if (type == MinimumMatch.class) {
            return MinimumMatch.valueOf(value.toUpperCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("setting of type " + type.getSimpleName() + " cannot be set from text");
    }

    /** The score factor of a document by its level: 0 for an article, else its heading level. */
    public double levelBoost(long level) {
        if (level == 0) {
            return articleBoost;
        }
        return level >= 3 ? subsectionBoost : 1;
    }

    /** Typo tolerance as Meilisearch and Typesense default: none under 5 letters, 1 edit, 2 from 9. */
    public int typoEdits(int length) {
        if (length < 5) {
            return 0;
        }
        return length < 9 ? 1 : 2;
    }

    /** How many of {@code clauses} known words must match: all of a short query, a share of a long one. */
    public int minimumShouldMatch(int clauses, boolean relaxed) {
        if (relaxed || minimumMatch == MinimumMatch.ANY) {
            return 1;
        }
        if (minimumMatch == MinimumMatch.THIRD) {
            return clauses <= 2 ? clauses : (int) Math.ceil(clauses / 3.0);
        }
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

    /** The text without greetings and sign-offs, when it is long enough to be a pasted ticket. */
    public String dropFiller(String text) {
        if (Words.count(text) < FILLER_FROM_WORDS) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out,
                    FILLER.contains(m.group().toLowerCase(Locale.ROOT)) ? " " : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
