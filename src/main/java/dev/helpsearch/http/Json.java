package dev.helpsearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The API's JSON: one mapper for the HTTP responses and the CLI's {@code --json}, so they match byte for byte. */
public final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .setDefaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));

    private Json() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("API values are plain records", e);
        }
    }
}
