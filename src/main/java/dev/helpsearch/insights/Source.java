package dev.helpsearch.insights;

import java.util.Locale;
import java.util.Optional;

/** Where a search came from: the search page, the embeddable widget, the in-app lookup, or any other API client. */
public enum Source {
    PAGE,
    WIDGET,
    IN_APP,
    API;

    /** The name stored and shown: {@code page}, {@code widget}, {@code in_app}, {@code api}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the client shows hits a person can click, so that a search without a click means something. */
    public boolean clickable() {
        return this == PAGE || this == WIDGET;
    }

    public static Optional<Source> of(String id) {
        for (Source source : values()) {
            if (source.id().equals(id)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
