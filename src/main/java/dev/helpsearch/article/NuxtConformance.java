package dev.helpsearch.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.helpsearch.article.markdown.Heading;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks this project's parser against the help center's own: given a Markdown folder and the
 * expected output of the real Nuxt parser for it ({@code gen.mjs}, one JSON line per file), compares
 * each file's path, every heading id and the search sections (ids, titles, levels, breadcrumbs).
 * Section text is not compared: Nuxt glues list items together, helpsearch deliberately does not.
 */
public final class NuxtConformance {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleParser parser = new ArticleParser();

    /** One file's outcome; {@code differences} is empty when it matches. */
    public record FileResult(String file, List<String> differences) {
        public boolean matches() {
            return differences.isEmpty();
        }
    }

    public List<FileResult> check(Path articles, Path expectedJsonLines) throws IOException {
        List<FileResult> results = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(expectedJsonLines, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    JsonNode expected = JSON.readTree(line);
                    results.add(checkFile(articles, expected));
                }
            }
        }
        return results;
    }

    private FileResult checkFile(Path articles, JsonNode expected) throws IOException {
        String file = expected.get("file").asText();
        List<String> differences = new ArrayList<>();
        Article article;
        try {
            article = parser.parse(file, Files.readString(articles.resolve(file), StandardCharsets.UTF_8));
        } catch (InvalidArticleException e) {
            return new FileResult(file, List.of("not parsed: " + e.getMessage()));
        }
        String expectedPath = expected.get("pathRelative").asText();
        if (!article.path().equals(expectedPath)) {
            differences.add("path " + article.path() + " != " + expectedPath);
        }
        List<String> expectedHeadings = new ArrayList<>();
        expected.get("headings")
                .forEach(h -> expectedHeadings.add(heading(
                        h.get("depth").asInt(),
                        h.get("text").asText(),
                        h.get("id").asText())));
        List<String> actualHeadings =
                article.headings().stream().map(NuxtConformance::heading).toList();
        compareLists("heading", expectedHeadings, actualHeadings, differences);

        JsonNode sections =
                expected.has("sectionsIgnoreStyle") ? expected.get("sectionsIgnoreStyle") : expected.get("sections");
        if (!sections.get(0).get("title").asText().equals(article.title())) {
            differences.add("title " + article.title() + " != "
                    + sections.get(0).get("title").asText());
        }
        List<String> expectedSections = new ArrayList<>();
        for (int i = 1; i < sections.size(); i++) {
            JsonNode s = sections.get(i);
            String id = s.get("id").asText();
            List<String> titles = new ArrayList<>();
            s.get("titles").forEach(t -> titles.add(t.asText()));
            expectedSections.add(section(
                    id.substring(id.indexOf('#') + 1),
                    s.get("title").asText(),
                    s.get("level").asInt(),
                    titles));
        }
        List<String> actualSections = article.sections().stream()
                .map(s -> section(s.anchor(), s.heading(), s.level(), s.titles()))
                .toList();
        compareLists("section", expectedSections, actualSections, differences);
        return new FileResult(file, differences);
    }

    private static void compareLists(
            String what, List<String> expected, List<String> actual, List<String> differences) {
        int n = Math.max(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            String e = i < expected.size() ? expected.get(i) : "(none)";
            String a = i < actual.size() ? actual.get(i) : "(none)";
            if (!e.equals(a)) {
                differences.add(what + " " + (i + 1) + ": got " + a + ", expected " + e);
                return;
            }
        }
    }

    private static String heading(Heading h) {
        return heading(h.depth(), h.text(), h.id());
    }

    private static String heading(int depth, String text, String id) {
        return "h" + depth + " " + JSON.valueToTree(text) + " #" + id;
    }

    private static String section(String anchor, String title, int level, List<String> titles) {
        return "#" + anchor + " h" + level + " " + JSON.valueToTree(title) + " under " + JSON.valueToTree(titles);
    }
}
