package dev.helpsearch.search.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Words that carry grammar rather than a topic ("the", "out", "still", "keeps"). A hit need not
 * contain them to count as matching a query, so "agent keeps dropping out" is not narrowed to
 * articles that happen to say "keeps" and "out"; they still score where they occur.
 */
public final class WeakWords {

    private static final Set<String> WORDS = load();

    private WeakWords() {}

    public static boolean contains(String word) {
        return WORDS.contains(word);
    }

    private static Set<String> load() {
        try (InputStream in = WeakWords.class.getResourceAsStream("weak-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("weak-words.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
