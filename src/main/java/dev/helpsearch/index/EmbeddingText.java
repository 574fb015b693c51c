package dev.helpsearch.index;

import dev.helpsearch.article.Article;
import dev.helpsearch.article.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * What of an article and its sections the embedding model reads. A section alone often says
 * little ("Still not working?"): it is read with its page title and the headings above it, so
 * its vector carries where it sits. Code is added only to sections with little prose, where it is
 * all there is to go on.
 */
public final class EmbeddingText {

    /** Below this much prose, a section's code is read as well. */
    private static final int LITTLE_PROSE = 200;

    private static final String TRAIL = " \u203a ";

    private EmbeddingText() {}

    public static String ofArticle(Article article) {
        return join(article.title(), join(article.description(), article.intro()));
    }

    public static String ofSection(Article article, Section section) {
        List<String> trail = new ArrayList<>(section.titles().isEmpty() ? List.of(article.title()) : section.titles());
        trail.add(section.heading());
        String body = section.text().length() < LITTLE_PROSE ? join(section.text(), section.code()) : section.text();
        return join(String.join(TRAIL, trail), body);
    }

    private static String join(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + "\n" + second;
    }
}
