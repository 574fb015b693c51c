package dev.helpsearch.search.core;

/**
 * A request the search core refuses, with a stable machine-readable {@code code} (for example
 * {@code "query_too_long"}) and a message that says what to change.
 */
public final class InvalidRequestException extends IllegalArgumentException {

    private final String code;

    public InvalidRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
