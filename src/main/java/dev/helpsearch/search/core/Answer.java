package dev.helpsearch.search.core;

/**
 * The one section that answers a question, for the desktop app's in-app help.
 *
 * @param html       the section's body as safe HTML
 * @param text       the same body as plain text
 * @param confidence 0..1; an answer is only given above the service's threshold
 */
public record Answer(
        String url,
        String path,
        String anchor,
        String title,
        String heading,
        String html,
        String text,
        double confidence) {}
