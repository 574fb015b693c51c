package dev.helpsearch.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Query-time synonyms: the editors' {@code synonyms.txt} next to the articles (Solr format,
 * multi-word entries allowed) plus a small built-in set of help-center vocabulary, which a line
 * {@code # builtin-synonyms: off} in the editors' file switches off. Entries are analysed like
 * queries, so one entry covers every inflection ("crash, freeze" also joins "crashes" and
 * "frozen" to the extent the stemmer does).
 */
public final class Synonyms {

    public static final String FILE_NAME = "synonyms.txt";
    private static final Pattern BUILTIN_OFF = Pattern.compile("(?m)^#\\s*builtin-synonyms\\s*:\\s*off\\s*$");
    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    private static final String BUILTIN = loadBuiltin();

    private Synonyms() {}

    /** A synonyms file that cannot be used, with the line to fix. */
    public static final class InvalidSynonymsException extends Exception {
        private final int line;

        InvalidSynonymsException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** The editors' synonyms of an articles folder, or "" when it has none. */
    public static String read(Path articles) throws IOException {
        Path file = articles.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** Checks an editors' file, so a bad one is reported before it replaces a working index. */
    public static void validate(String editorText) throws InvalidSynonymsException {
        parse(editorText);
    }

    /** The synonym map for queries, or null when there are no synonyms at all. */
    public static SynonymMap parse(String editorText) throws InvalidSynonymsException {
        boolean builtin = !BUILTIN_OFF.matcher(editorText).find();
        SolrSynonymParser parser = new SolrSynonymParser(true, true, Analysis.englishQuery());
        try {
            if (builtin) {
                parser.parse(new StringReader(BUILTIN));
            }
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new IllegalStateException("the built-in synonyms do not parse", e);
        }
        try {
            parser.parse(new StringReader(editorText));
            SynonymMap map = parser.build();
            return map.fst == null ? null : map;
        } catch (ParseException e) {
            throw new InvalidSynonymsException(lineOf(e), "invalid synonym rule: " + rootMessage(e));
        } catch (IllegalArgumentException e) {
            throw new InvalidSynonymsException(lineOf(e), "invalid synonym rule: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every word the synonym rules use (the built-in ones too, unless switched off), lower-cased:
     * words people search with that the articles may never contain, and so must not be "corrected".
     */
    public static Set<String> words(String editorText) {
        Set<String> words = new HashSet<>();
        String rules = BUILTIN_OFF.matcher(editorText).find() ? editorText : BUILTIN + "\n" + editorText;
        for (String line : rules.split("\\R")) {
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            for (String word : rule.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return Set.copyOf(words);
    }

    private static int lineOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = LINE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String loadBuiltin() {
        try (InputStream in = Synonyms.class.getResourceAsStream("builtin-synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("builtin-synonyms.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
