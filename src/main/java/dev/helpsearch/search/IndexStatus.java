package dev.helpsearch.search;

/**
 * What the service is serving right now.
 *
 * @param indexedAt when the served index was committed, ISO-8601
 * @param mode      "hybrid" when queries are answered by words and meaning, "lexical" by words alone
 * @param semantic  the embedding model: off, loading, ready, failed, or index-without-vectors (ready,
 *                  but the index was built without it)
 */
public record IndexStatus(String status, int articles, int sections, String indexedAt, long indexVersion, String mode,
        String semantic) {
}
