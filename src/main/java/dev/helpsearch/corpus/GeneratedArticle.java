package dev.helpsearch.corpus;

/**
 * One generated article.
 *
 * @param file the file's path under the articles folder, with '/' separators
 * @param text the whole Markdown file, front matter included
 */
public record GeneratedArticle(String file, String text) {}
