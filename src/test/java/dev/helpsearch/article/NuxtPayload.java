package dev.helpsearch.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes a Nuxt payload (devalue's flat table) into plain Java values: maps, lists, strings,
 * numbers, booleans and null. Enough of devalue and Nuxt's reactivity wrappers to read the seed.
 */
final class NuxtPayload {

    private static final Set<String> TRANSPARENT =
            Set.of("ShallowReactive", "Reactive", "ShallowRef", "Ref", "NuxtError", "Island");

    private final JsonNode values;
    private final Map<Integer, Object> memo = new HashMap<>();

    private NuxtPayload(JsonNode values) {
        this.values = values;
    }

    static Object read(String resource) {
        try (InputStream in = NuxtPayload.class.getResourceAsStream(resource)) {
            JsonNode table = new ObjectMapper().readTree(in);
            return new NuxtPayload(table).hydrate(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object hydrate(int index) {
        if (index < 0) {
            return null; // undefined, hole, NaN and infinities do not occur in article data
        }
        if (memo.containsKey(index)) {
            return memo.get(index);
        }
        JsonNode node = values.get(index);
        Object result;
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            memo.put(index, map);
            node.properties()
                    .forEach(e -> map.put(e.getKey(), hydrate(e.getValue().asInt())));
            result = map;
        } else if (node.isArray() && !node.isEmpty() && node.get(0).isTextual()) {
            String tag = node.get(0).asText();
            if (TRANSPARENT.contains(tag)) {
                result = hydrate(node.get(1).asInt());
            } else if (tag.equals("EmptyRef") || tag.equals("EmptyShallowRef")) {
                result = null;
            } else if (tag.equals("Date")) {
                result = node.get(1).asText();
            } else {
                throw new IllegalArgumentException("unsupported devalue tag " + tag);
            }
        } else if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            memo.put(index, list);
            node.forEach(i -> list.add(hydrate(i.asInt())));
            result = list;
        } else if (node.isTextual()) {
            result = node.asText();
        } else if (node.isNumber()) {
            result = node.numberValue();
        } else if (node.isBoolean()) {
            result = node.asBoolean();
        } else {
            result = null;
        }
        memo.put(index, result);
        return result;
    }
}
