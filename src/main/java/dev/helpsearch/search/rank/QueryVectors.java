package dev.helpsearch.search.rank;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.helpsearch.semantic.Embedder;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Query vectors, remembered: embedding a query is most of a hybrid search's cost, and people
 * type the same questions again (and the off-topic probes are asked again for every snapshot).
 * Bounded by entries, least recently and frequently used first out (Caffeine's W-TinyLFU), so a
 * flood of distinct queries cannot grow it. A vector depends only on the model and the text, not
 * on the index, so entries survive re-indexing.
 */
public final class QueryVectors {

    /** About 6 MB of vectors at 384 dimensions. */
    public static final int DEFAULT_ENTRIES = 4096;

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** How the cache has done since the service started. */
    public record Stats(long hits, long misses, long entries) {}

    private final Cache<Key, float[]> cache;

    private record Key(String model, String text) {}

    /** A cache of at most {@code entries} vectors; 0 embeds every query anew. */
    public QueryVectors(int entries) {
        if (entries < 0) {
            throw new IllegalArgumentException("entries must not be negative: " + entries);
        }
        this.cache = Caffeine.newBuilder().maximumSize(entries).recordStats().build();
    }

    float[] of(Embedder embedder, String query) {
        // the model's tokenizer lowercases and splits at whitespace: these texts embed alike
        String text = SPACES.matcher(query.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        return cache.get(new Key(embedder.modelId(), text), key -> embedder.embedQuery(key.text()));
    }

    public Stats stats() {
        var stats = cache.stats();
        return new Stats(stats.hitCount(), stats.missCount(), cache.estimatedSize());
    }
}
