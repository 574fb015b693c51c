package dev.helpsearch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a query set: JSON lines of {@code {"id", "query", "type", "judgments": [{"url", "grade"}]}}. */
public final class QuerySet {

    /** The type of a question no article answers. */
    public static final String UNRELATED = "unrelated";

    private QuerySet() {}

    public static List<JudgedQuery> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JudgedQuery> queries = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            Map<String, Integer> grades = new LinkedHashMap<>();
            for (JsonNode judgment : node.path("judgments")) {
                grades.put(judgment.get("url").asText(), judgment.get("grade").asInt());
            }
            // questions no article answers carry no judgment: they measure that nothing is found
            boolean unrelated = UNRELATED.equals(node.path("type").asText());
            if (!node.hasNonNull("query") || (grades.isEmpty() && !unrelated)) {
                throw new IOException(file + ":" + lineNumber + ": a query needs \"query\" and at least one judgment");
            }
            queries.add(new JudgedQuery(
                    node.path("id").asText("line-" + lineNumber),
                    node.get("query").asText(),
                    node.path("type").asText("other"),
                    grades,
                    node.path("source").asText(null)));
        }
        return queries;
    }
}
