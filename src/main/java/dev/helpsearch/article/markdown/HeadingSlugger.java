package dev.helpsearch.article.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Heading ids exactly as the help center renders them: github-slugger 2.0.0 followed by the
 * clean-up @nuxtjs/mdc applies. One instance per document, because duplicate numbering is
 * per document and runs on the raw slug, before the clean-up.
 */
public final class HeadingSlugger {

    private static final RemovedCodePoints REMOVED = RemovedCodePoints.load();
    private static final Pattern HYPHEN_RUNS = Pattern.compile("-+");
    private static final Pattern EDGE_HYPHEN = Pattern.compile("^-|-$");
    private static final Pattern LEADING_ASCII_DIGIT = Pattern.compile("^([0-9])");

    private final Map<String, Integer> occurrences = new HashMap<>();

    /** The id of the next heading with this text (the concatenated text of the heading). */
    public String slug(String headingText) {
        String original = rawSlug(headingText);
        String result = original;
        while (occurrences.containsKey(result)) {
            int next = occurrences.merge(original, 1, Integer::sum);
            result = original + "-" + next;
        }
        occurrences.put(result, 0);
        return cleanUp(result);
    }

    /**
     * The clean-up mdc applies to every id, explicit ones included: collapse hyphen runs, drop one
     * leading and one trailing hyphen, and prefix a leading ASCII digit with an underscore.
     */
    public static String cleanUp(String id) {
        String collapsed = HYPHEN_RUNS.matcher(id).replaceAll("-");
        String trimmed = EDGE_HYPHEN.matcher(collapsed).replaceAll("");
        return LEADING_ASCII_DIGIT.matcher(trimmed).replaceFirst("_$1");
    }

    /** github-slugger's {@code slug()} without duplicate numbering. */
    static String rawSlug(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        lower.codePoints().forEach(cp -> {
            if (cp == ' ') {
                out.append('-');
            } else if (!REMOVED.contains(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * The code points github-slugger deletes, as its Unicode 13 regex defines them. The table is
     * shipped rather than derived from {@link Character} because Java's Unicode version differs.
     */
    private record RemovedCodePoints(int[] starts, int[] ends) {

        boolean contains(int codePoint) {
            int i = Arrays.binarySearch(starts, codePoint);
            if (i >= 0) {
                return true;
            }
            int range = -i - 2;
            return range >= 0 && codePoint <= ends[range];
        }

        static RemovedCodePoints load() {
            try (InputStream in = HeadingSlugger.class.getResourceAsStream("github-slugger-removed.json")) {
                if (in == null) {
                    throw new IllegalStateException("github-slugger-removed.json is missing from the classpath");
                }
                JsonNode ranges = new ObjectMapper().readTree(in).get("removedRanges");
                int[] starts = new int[ranges.size()];
                int[] ends = new int[ranges.size()];
                for (int i = 0; i < ranges.size(); i++) {
                    starts[i] = ranges.get(i).get(0).asInt();
                    ends[i] = ranges.get(i).get(1).asInt();
                }
                return new RemovedCodePoints(starts, ends);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
