package dev.helpsearch.eval;

import java.util.Map;

/**
 * A query with the answers a person judged right for it.
 *
 * @param grades url to grade: 2 answers the query, 1 helps; a url without {@code #} is the article
 * @param topic  what the query is about: queries of one topic (one user's issue and its variants, or
 *               questions answered by one page) stay together in one cross-validation fold
 */
public record JudgedQuery(String id, String query, String type, Map<String, Integer> grades, String topic) {

    public JudgedQuery {
        grades = Map.copyOf(grades);
        if (topic == null || topic.isBlank()) {
            topic = grades.entrySet().stream()
                    .filter(e -> e.getValue() >= 2)
                    .map(Map.Entry::getKey)
                    .sorted()
                    .map(url -> url.contains("#") ? url.substring(0, url.indexOf('#')) : url)
                    .findFirst()
                    .orElse(id);
        }
    }

    public JudgedQuery(String id, String query, String type, Map<String, Integer> grades) {
        this(id, query, type, grades, null);
    }

    public int grade(String url) {
        return grades.getOrDefault(url, 0);
    }

    public boolean answers(String url) {
        return grade(url) >= 2;
    }
}
