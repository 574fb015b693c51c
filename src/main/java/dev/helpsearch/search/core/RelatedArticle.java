package dev.helpsearch.search.core;

/** An article related to another, by content or, failing that, by category and order. */
public record RelatedArticle(String url, String path, String title, String description, String category) {}
