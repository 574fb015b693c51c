package dev.helpsearch.article.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** The {@code :shortcode:} table of remark-emoji, which the help center's parser applies to text. */
final class EmojiShortcodes {

    private static final Map<String, String> EMOJI = load();

    private EmojiShortcodes() {}

    /** The emoji for a shortcode name (without colons), or null when there is none. */
    static String emoji(String name) {
        return EMOJI.get(name);
    }

    private static Map<String, String> load() {
        try (InputStream in = EmojiShortcodes.class.getResourceAsStream("emoji-shortcodes.json")) {
            if (in == null) {
                throw new IllegalStateException("emoji-shortcodes.json is missing from the classpath");
            }
            JsonNode table = new ObjectMapper().readTree(in).get("shortcodes");
            Map<String, String> result = new HashMap<>();
            table.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
            return Map.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
