package dev.helpsearch.search;

/**
 * A search: the user's text as typed, the page of results wanted, an optional category filter.
 * Limits are checked here, once, for every caller (HTTP, CLI, benchmarks).
 */
public record SearchRequest(String query, int limit, int offset, String category) {

    public static final int MAX_QUERY_CHARS = 4000;
    public static final int MAX_LIMIT = 50;
    public static final int DEFAULT_LIMIT = 10;
    /** Deep paging is not what a help center needs, and it would make every query scan further. */
    public static final int MAX_OFFSET = 1000;

    public SearchRequest {
        query = checkedQuery(query);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("invalid_limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidRequestException("invalid_offset", "offset must be between 0 and " + MAX_OFFSET);
        }
        if (category != null && category.isBlank()) {
            category = null;
        }
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, DEFAULT_LIMIT, 0, null);
    }

    /** The query text, checked: present, not blank, and no longer than a pasted support ticket. */
    public static String checkedQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidRequestException("missing_query", "q is required: the text to search for");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw new InvalidRequestException("query_too_long",
                    "q is " + query.length() + " characters; the limit is " + MAX_QUERY_CHARS);
        }
        return query;
    }
}
