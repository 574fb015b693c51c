package dev.helpsearch.search.core;

import java.io.IOException;

/** There is no index to serve (none built yet, built by another layout, or damaged); the message says which. */
public final class IndexUnavailableException extends IOException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public IndexUnavailableException(String message) {
        super(message);
    }
}
