package dev.helpsearch.search;

import dev.helpsearch.article.markdown.Heading;
import dev.helpsearch.search.core.RelatedArticle;
import java.util.List;

/** Everything needed to show an article: its rendered body, table of contents and related articles. */
public record ArticlePage(
        String url,
        String path,
        String title,
        String description,
        String category,
        Integer order,
        String updatedAt,
        String html,
        List<Heading> toc,
        List<RelatedArticle> related) {

    public ArticlePage {
        toc = List.copyOf(toc);
        related = List.copyOf(related);
    }
}
