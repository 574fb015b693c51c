package dev.helpsearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.helpsearch.article.ArticleProblem;
import java.util.List;

/**
 * The body of every error response: {@code {"error": {"code": "...", "message": "..."}}}, plus the
 * {@code file:line} problems when articles were at fault. Never a stack trace or a server path.
 */
record ApiError(Detail error) {

    record Detail(
            String code,
            String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Problem> problems) {}

    record Problem(String file, int line, String message) {}

    static ApiError of(String code, String message) {
        return new ApiError(new Detail(code, message, null));
    }

    static ApiError invalidArticles(List<ArticleProblem> problems) {
        List<Problem> list = problems.stream()
                .map(p -> new Problem(p.file(), p.line(), p.message()))
                .toList();
        return new ApiError(new Detail(
                "invalid_articles",
                problems.size() + " invalid article(s); the index was not replaced: " + problems.get(0),
                list));
    }
}
