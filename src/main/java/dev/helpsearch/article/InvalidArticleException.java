package dev.helpsearch.article;

/** An article that cannot be indexed; {@link #problem()} says where and why. */
public final class InvalidArticleException extends Exception {

    private final ArticleProblem problem;

    public InvalidArticleException(ArticleProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public InvalidArticleException(String file, int line, String message) {
        this(new ArticleProblem(file, line, message));
    }

    public ArticleProblem problem() {
        return problem;
    }
}
