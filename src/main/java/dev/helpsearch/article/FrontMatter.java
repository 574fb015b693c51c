package dev.helpsearch.article;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The YAML block at the top of an article, found as Nuxt finds it (the file starts with
 * {@code ---}, the block ends at the next line starting with {@code ---}) and read by a real YAML
 * 1.2 parser, which reports malformed YAML with its line. Aliases, size and flow nesting are
 * bounded so a hostile header (billion laughs, deep nesting) fails fast instead of exhausting the
 * indexer.
 *
 * @param data          the front matter's keys and values (empty when the article has none)
 * @param yaml          the front matter's text, to point errors at the line of a key
 * @param body          the Markdown after the front matter
 * @param bodyFirstLine the file line the body starts on
 */
record FrontMatter(Map<String, Object> data, String yaml, String body, int bodyFirstLine) {

    static final int MAX_CHARS = 64 * 1024;
    static final int MAX_FLOW_NESTING = 64;
    private static final int MAX_ALIASES = 50;

    static FrontMatter split(String file, String content) throws InvalidArticleException {
        if (!content.startsWith("---")) {
            return new FrontMatter(Map.of(), "", content, 1);
        }
        int close = content.indexOf("\n---");
        if (close < 0) {
            return new FrontMatter(Map.of(), "", content, 1);
        }
        int firstLineEnd = content.indexOf('\n');
        String yaml = firstLineEnd < close ? content.substring(firstLineEnd + 1, close) : "";
        int closingLine = 1 + countNewlines(content, close + 1);
        String body = content.substring(close + 4);
        if (yaml.isBlank()) {
            return new FrontMatter(Map.of(), yaml, body, closingLine);
        }
        return new FrontMatter(parse(file, yaml), yaml, body, closingLine);
    }

    /** The file line where a top-level key is written, or the first front matter line. */
    int lineOf(String key) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")
                    || lines[i].startsWith("\"" + key + "\":")
                    || lines[i].startsWith("'" + key + "':")) {
                return i + 2;
            }
        }
        return yaml.isEmpty() ? 1 : 2;
    }

    private static Map<String, Object> parse(String file, String yaml) throws InvalidArticleException {
        if (yaml.length() > MAX_CHARS) {
            throw new InvalidArticleException(file, 1, "front matter is larger than " + MAX_CHARS / 1024 + " KB");
        }
        int nestingLine = excessiveFlowNesting(yaml);
        if (nestingLine > 0) {
            throw new InvalidArticleException(
                    file, 1 + nestingLine, "front matter nests deeper than " + MAX_FLOW_NESTING + " levels");
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .setCodePointLimit(MAX_CHARS)
                .build();
        Object loaded;
        try {
            loaded = new Load(settings).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark()
                    .or(e::getContextMark)
                    .map(m -> m.getLine() + 1)
                    .orElse(0);
            throw new InvalidArticleException(
                    file,
                    1 + Math.max(line, 1),
                    "malformed YAML front matter: "
                            + oneLine(e.getProblem() != null ? e.getProblem() : e.getContext()));
        } catch (YamlEngineException e) {
            throw new InvalidArticleException(file, 2, "malformed YAML front matter: " + oneLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new InvalidArticleException(file, 2, "front matter nests too deeply");
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new InvalidArticleException(file, 2, "front matter must be a YAML mapping of keys to values");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        map.forEach((key, value) -> data.put(String.valueOf(key), value));
        return data;
    }

    /** The 1-based line within the YAML where flow collections nest too deep, or 0. */
    private static int excessiveFlowNesting(String yaml) {
        int depth = 0;
        int line = 1;
        char quote = 0;
        for (int i = 0; i < yaml.length(); i++) {
            char c = yaml.charAt(i);
            if (c == '\n') {
                line++;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_FLOW_NESTING) {
                    return line;
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return 0;
    }

    private static int countNewlines(String s, int end) {
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable" : message.replaceAll("\\s+", " ").strip();
    }
}
