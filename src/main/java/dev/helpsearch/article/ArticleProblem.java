package dev.helpsearch.article;

/**
 * Why an article cannot be indexed, pointing at the place to fix it.
 *
 * @param file    the article's file, relative to the articles folder
 * @param line    1-based line of the problem
 * @param message what is wrong, in words an editor can act on
 */
public record ArticleProblem(String file, int line, String message) {

    /** {@code file:line: message}, the form editors and their tools know. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
