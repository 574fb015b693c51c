package dev.helpsearch.search;

import dev.helpsearch.search.core.InvalidRequestException;
import dev.helpsearch.search.results.Facets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A search: the user's text as typed, the page of results wanted, the categories it is limited to
 * (any of them; none for all) and the facets to count. Limits are checked here, once, for every
 * caller (HTTP, CLI, benchmarks); category names are checked against the index by the search.
 *
 * @param offset     hits skipped before the page, counted in hits (not pages)
 * @param categories the hits' category must be one of these; empty for every category
 * @param facets     the fields whose values are counted over all matches ({@link Facets#NAMES})
 */
public record SearchRequest(String query, int limit, int offset, List<String> categories, Set<String> facets) {

    /** More than a help center has; bounds the filter's clauses (and the vector searches, one per category). */
    public static final int MAX_CATEGORIES = 20;

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
        Set<String> distinct = new LinkedHashSet<>();
        for (String category : categories == null ? List.<String>of() : categories) {
            if (category == null || category.isBlank()) {
                throw new InvalidRequestException("invalid_category", "category must not be empty");
            }
            distinct.add(category.strip());
        }
        if (distinct.size() > MAX_CATEGORIES) {
            throw new InvalidRequestException("invalid_category", "at most " + MAX_CATEGORIES + " categories at once");
        }
        categories = List.copyOf(distinct);
        facets = Set.copyOf(facets == null ? Set.of() : facets);
        for (String facet : facets) {
            if (!Facets.NAMES.contains(facet)) {
                throw new InvalidRequestException(
                        "unknown_facet",
                        "no facet \"" + facet + "\"; the facets are " + String.join(", ", Facets.NAMES));
            }
        }
    }

    /** One category or none (null or blank), no facets: the command line's search. */
    public SearchRequest(String query, int limit, int offset, String category) {
        this(query, limit, offset, category == null || category.isBlank() ? List.of() : List.of(category), Set.of());
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, DEFAULT_LIMIT, 0, (String) null);
    }

    /** The query text, checked: present, not blank, and no longer than a pasted support ticket. */
    public static String checkedQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidRequestException("missing_query", "q is required: the text to search for");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw new InvalidRequestException(
                    "query_too_long", "q is " + query.length() + " characters; the limit is " + MAX_QUERY_CHARS);
        }
        return query;
    }
}
