package dev.helpsearch.search;

import dev.helpsearch.search.core.Answer;
import dev.helpsearch.search.core.SearchHit;
import java.util.List;

/**
 * The in-app lookup's reply: a confident {@code answer}, or none and the best few {@code hits}
 * to choose from. Never a wrong answer presented as certain.
 */
public record AnswerResult(String query, Answer answer, List<SearchHit> hits, double tookMs) {

    public AnswerResult {
        hits = List.copyOf(hits);
    }
}
