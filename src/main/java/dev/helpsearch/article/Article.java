package dev.helpsearch.article;

import dev.helpsearch.article.markdown.Heading;
import java.util.List;

/**
 * A help-center article as the help center itself derives it from its Markdown file.
 *
 * @param file        path of the source file relative to the articles folder, '/'-separated
 * @param path        the page path, e.g. {@code /troubleshooting/gateway-fails-to-start}
 * @param category    front matter {@code category}, else the first folder
 * @param order       front matter {@code order}, or null
 * @param updatedAt   front matter {@code updatedAt} as written, or null
 * @param intro       readable text before the first heading, without the description paragraph
 * @param sections    the sections, in page order
 * @param headings    every heading of the page with its id (table of contents, nested ones too)
 * @param html        the whole body rendered as safe HTML, heading ids included
 * @param redirect    front matter {@code redirect}: the page only forwards elsewhere; null for real pages
 * @param contentHash a hash of the source file, to tell changed articles from unchanged ones
 */
public record Article(
        String file,
        String path,
        String title,
        String description,
        String category,
        Integer order,
        String updatedAt,
        boolean draft,
        String intro,
        List<Section> sections,
        List<Heading> headings,
        String html,
        String redirect,
        String contentHash) {

    public Article {
        sections = List.copyOf(sections);
        headings = List.copyOf(headings);
    }

    /** What the help center searches an article by: its title and description. */
    public String searchText() {
        return title + " " + description;
    }
}
