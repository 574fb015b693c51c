package dev.helpsearch.article.markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an already validated MDC attribute list into name/value pairs for rendering. */
final class MdcAttributes {

    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([#.])([^\\s.#}]+)|(:?[A-Za-z_][\\w.:-]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s}]+)))?");

    private MdcAttributes() {}

    static Map<String, String> parse(String list) {
        if (list.length() < 2) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(list.substring(1, list.length() - 1));
        while (m.find()) {
            if (m.group(1) != null) {
                String key = m.group(1).equals("#") ? "id" : "class";
                result.merge(key, m.group(2), (a, b) -> a + " " + b);
            } else {
                String value = m.group(4) != null ? m.group(4) : m.group(5) != null ? m.group(5) : m.group(6);
                result.put(m.group(3), value == null ? "" : value);
            }
        }
        return Map.copyOf(result);
    }
}
