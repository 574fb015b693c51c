package dev.helpsearch.search;

/**
 * What the service is serving right now.
 *
 * @param indexedAt when the served index was committed, ISO-8601
 */
public record IndexStatus(String status, int articles, int sections, String indexedAt, long indexVersion) {
}
