package dev.helpsearch.eval;

import java.util.Map;

/**
 * A query with the answers a person judged right for it.
 *
 * @param grades url to grade: 2 answers the query, 1 helps; a url without {@code #} is the article
 */
public record JudgedQuery(String id, String query, String type, Map<String, Integer> grades) {

    public JudgedQuery {
        grades = Map.copyOf(grades);
    }

    public int grade(String url) {
        return grades.getOrDefault(url, 0);
    }

    public boolean answers(String url) {
        return grade(url) >= 2;
    }
}
