package dev.helpsearch.corpus;

/**
 * A query of a benchmark's mix.
 *
 * @param type short, prefix, typo, ticket or identifier: the kinds of queries a help-center search box gets
 */
public record BenchQuery(String type, String text) {}
