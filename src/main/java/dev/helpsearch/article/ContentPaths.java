package dev.helpsearch.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Page paths and fallback titles as Nuxt Content derives them from file names (its path-meta
 * transformer): numeric prefixes stripped per segment, {@code index} becomes its folder, every
 * segment slugified. The help center serves its collection with prefix "/", so
 * {@code troubleshooting/05.cloud-desktop-not-connecting.md} becomes
 * {@code /troubleshooting/cloud-desktop-not-connecting}.
 */
public final class ContentPaths {

    /** The prefix the help center mounts its articles at. */
    public static final String HELP_CENTER_PREFIX = "/";

    private static final Pattern VERSION_LIKE = Pattern.compile("^\\d+(?:\\.\\d+)*(?:\\.x)?$");
    private static final Pattern NUMERIC_PREFIX = Pattern.compile("^\\d+\\.");
    private static final Pattern INDEX = Pattern.compile("^index(\\.draft)?$");
    private static final Pattern DRAFT_SUFFIX = Pattern.compile("\\.draft$");
    private static final Pattern ID_SEPARATORS = Pattern.compile("[/:]");
    private static final Map<Character, String> SLUGIFY_CHARMAP = loadCharMap();

    private ContentPaths() {}

    /** The page path of {@code relativeFile} (a '/'-separated path inside the collection's folder). */
    public static String path(String prefix, String relativeFile) {
        List<String> segments = stem(prefix, relativeFile).segments();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                path.append('/');
            }
            path.append(segment(segments.get(i)));
        }
        String joined = path.toString();
        if (joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined.startsWith("/") ? joined : "/" + joined;
    }

    /** One folder or file name as it appears in a path: numeric prefix stripped, slugified. */
    public static String segment(String name) {
        return slugify(refineUrlPart(name));
    }

    /** The path the help center gives a file of its own articles folder. */
    public static String path(String relativeFile) {
        return path(HELP_CENTER_PREFIX, relativeFile);
    }

    /** The title Nuxt Content falls back to when front matter has none and no h1 leads the page. */
    public static String fallbackTitle(String relativeFile) {
        List<String> words = new ArrayList<>();
        for (String word : refineUrlPart(stem("", relativeFile).basename()).split("[\\s-]", -1)) {
            words.add(pascalCase(word));
        }
        return String.join(" ", words);
    }

    /**
     * Nuxt's describeId: prefix and file joined, split on '/' and ':', the extension dropped from
     * the last segment (basename is "" when the file name has no extension).
     */
    private static Stem stem(String prefix, String relativeFile) {
        List<String> segments = new ArrayList<>();
        for (String part : ID_SEPARATORS.split(prefix + "/" + relativeFile)) {
            if (!part.isEmpty() && !part.equals(".")) {
                segments.add(part);
            }
        }
        String basename = "";
        if (!segments.isEmpty()) {
            String last = segments.get(segments.size() - 1);
            int dot = last.lastIndexOf('.');
            if (dot > 0 && dot < last.length() - 1) {
                basename = last.substring(0, dot);
                segments.set(segments.size() - 1, basename);
            }
        }
        return new Stem(segments, basename);
    }

    private record Stem(List<String> segments, String basename) {}

    static String refineUrlPart(String name) {
        if (VERSION_LIKE.matcher(name).matches()) {
            return name;
        }
        String withoutNumber = NUMERIC_PREFIX.matcher(name).replaceFirst("");
        String withoutIndex = INDEX.matcher(withoutNumber).replaceFirst("");
        return DRAFT_SUFFIX.matcher(withoutIndex).replaceFirst("");
    }

    /** slugify 1.6.9 with {@code {lower: true}}. */
    static String slugify(String segment) {
        String normalized = Normalizer.normalize(segment, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            String replacement = SLUGIFY_CHARMAP.getOrDefault(c, String.valueOf(c));
            if (replacement.equals("-")) {
                replacement = " ";
            }
            for (int j = 0; j < replacement.length(); j++) {
                char r = replacement.charAt(j);
                if (isSlugifyAllowed(r)) {
                    out.append(r);
                }
            }
        }
        String trimmed = JsStrings.trim(out.toString());
        StringBuilder dashed = new StringBuilder(trimmed.length());
        boolean inSpace = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (JsStrings.isWhitespace(c)) {
                if (!inSpace) {
                    dashed.append('-');
                }
                inSpace = true;
            } else {
                dashed.append(c);
                inSpace = false;
            }
        }
        return dashed.toString().toLowerCase(Locale.ROOT);
    }

    /** slugify's default keep-list {@code [\w\s$*_+~.()'"!\-:@]}. */
    private static boolean isSlugifyAllowed(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || JsStrings.isWhitespace(c)
                || "$*+~.()'\"!-:@".indexOf(c) >= 0;
    }

    /** scule's pascalCase: split on - _ / . and case changes, upper-case each part's first letter. */
    static String pascalCase(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : splitByCase(text)) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static List<String> splitByCase(String text) {
        List<String> parts = new ArrayList<>();
        if (text.isEmpty()) {
            return parts;
        }
        StringBuilder buffer = new StringBuilder();
        Boolean previousUpper = null;
        Boolean previousSplitter = null;
        int[] codePoints = text.codePoints().toArray();
        for (int cp : codePoints) {
            String ch = new String(Character.toChars(cp));
            boolean splitter = "-_/.".contains(ch);
            if (splitter) {
                parts.add(buffer.toString());
                buffer.setLength(0);
                previousUpper = null;
                continue;
            }
            Boolean upper = Character.isDigit(cp) && cp < 128 ? null : !ch.equals(ch.toLowerCase(Locale.ROOT));
            if (Boolean.FALSE.equals(previousSplitter)) {
                if (Boolean.FALSE.equals(previousUpper) && Boolean.TRUE.equals(upper)) {
                    parts.add(buffer.toString());
                    buffer.setLength(0);
                    buffer.append(ch);
                    previousUpper = upper;
                    continue;
                }
                if (Boolean.TRUE.equals(previousUpper)
                        && Boolean.FALSE.equals(upper)
                        && buffer.codePointCount(0, buffer.length()) > 1) {
                    int lastStart = buffer.offsetByCodePoints(buffer.length(), -1);
                    String last = buffer.substring(lastStart);
                    parts.add(buffer.substring(0, lastStart));
                    buffer.setLength(0);
                    buffer.append(last).append(ch);
                    previousUpper = upper;
                    continue;
                }
            }
            buffer.append(ch);
            previousUpper = upper;
            previousSplitter = false;
        }
        parts.add(buffer.toString());
        return parts;
    }

    private static Map<Character, String> loadCharMap() {
        try (InputStream in = ContentPaths.class.getResourceAsStream("slugify-charmap.json")) {
            if (in == null) {
                throw new IllegalStateException("slugify-charmap.json is missing from the classpath");
            }
            JsonNode map = new ObjectMapper().readTree(in).get("charMap");
            Map<Character, String> result = new HashMap<>();
            map.properties().forEach(e -> {
                if (e.getKey().length() == 1) {
                    result.put(e.getKey().charAt(0), e.getValue().asText());
                }
            });
            return Map.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
