package dev.helpsearch.http;

import dev.helpsearch.search.core.InvalidRequestException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An endpoint's query parameters, checked against those it takes: a misspelt or unsupported
 * parameter is a 400 naming it, never silently ignored (a filter that is ignored returns results
 * that look filtered and are not).
 */
final class Params {

    private final Map<String, List<String>> given;

    private Params(Map<String, List<String>> given) {
        this.given = given;
    }

    static Params of(Context ctx) {
        return new Params(ctx.queryParamMap());
    }

    /**
     * Refuses any parameter not in {@code names}, and any of them given more than once unless it is
     * in {@code repeatable}.
     */
    Params allow(Set<String> repeatable, String... names) {
        List<String> known = List.of(names);
        for (Map.Entry<String, List<String>> entry : given.entrySet()) {
            String name = entry.getKey();
            if (!known.contains(name)) {
                throw new InvalidRequestException(
                        "unknown_parameter",
                        "unknown parameter \"" + name + "\": "
                                + (known.isEmpty()
                                        ? "this endpoint takes none"
                                        : "this endpoint takes " + String.join(", ", known)));
            }
            if (entry.getValue().size() > 1 && !repeatable.contains(name)) {
                throw new InvalidRequestException(
                        "repeated_parameter",
                        name + " is given " + entry.getValue().size() + " times; give it once");
            }
        }
        return this;
    }

    Params allow(String... names) {
        return allow(Set.of(), names);
    }
}
