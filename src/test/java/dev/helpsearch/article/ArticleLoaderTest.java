package dev.helpsearch.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad article is reported with the file and line to fix, and never indexed. */
class ArticleLoaderTest {

    @TempDir
    Path articles;

    private static final String GOOD = """
            ---
            title: Good article
            description: Fine.
            ---

            ## Section

            Text.
            """;

    private ArticleLoader.Result load() throws IOException {
        return new ArticleLoader().load(articles, false);
    }

    private void write(String file, String content) throws IOException {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String file, byte[] content) throws IOException {
        Path path = articles.resolve(file);
        Files.createDirectories(path.getParent());
        Files.write(path, content);
    }

    @Test
    void validArticlesLoadWithCategoryFromTheirFolder() throws IOException {
        write("2.guides/01.first.md", GOOD);
        ArticleLoader.Result result = load();
        assertThat(result.problems()).isEmpty();
        assertThat(result.articles()).singleElement().satisfies(a -> {
            assertThat(a.path()).isEqualTo("/guides/first");
            assertThat(a.category()).isEqualTo("guides");
        });
    }

    @Test
    void malformedYamlIsReportedAtItsLine() throws IOException {
        write("bad-yaml.md", "---\ntitle: Fine\ndescription: [unclosed\norder: 1\n---\n\nBody.\n");
        assertThat(load().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bad-yaml.md");
            assertThat(p.line()).isBetween(3, 5);
            assertThat(p.message()).startsWith("malformed YAML front matter");
        });
    }

    @Test
    void frontMatterThatIsNotAMappingIsReported() throws IOException {
        write("list.md", "---\n- just\n- a list\n---\n\n# Title\n");
        assertThat(load().problems())
                .singleElement()
                .hasToString("list.md:2: front matter must be a YAML mapping of keys to values");
    }

    @Test
    void billionLaughsIsRefusedQuickly() throws IOException {
        StringBuilder yaml = new StringBuilder(
                "---\ntitle: Laughs\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        write("laughs.md", yaml.append("---\n\nBody.\n").toString());
        assertThat(load().problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("malformed YAML front matter"));
    }

    @Test
    void deeplyNestedFrontMatterIsRefused() throws IOException {
        write("deep.md", "---\ntitle: Deep\nx: " + "[".repeat(5000) + "]".repeat(5000) + "\n---\n\nBody.\n");
        assertThat(load().problems())
                .singleElement()
                .hasToString("deep.md:3: front matter nests deeper than 64 levels");
    }

    @Test
    void missingTitleIsReported() throws IOException {
        write("untitled.md", "---\ndescription: No title here.\n---\n\nJust text.\n");
        assertThat(load().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("untitled.md");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("missing title");
        });
    }

    @Test
    void aLeadingH1IsATitle() throws IOException {
        write("h1.md", "# From the heading\n\nFirst paragraph.\n");
        assertThat(load().articles()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("From the heading");
            assertThat(a.description()).isEqualTo("First paragraph.");
        });
    }

    @Test
    void invalidUtf8IsReportedAtTheLineOfTheBadByte() throws IOException {
        byte[] latin1 = "---\ntitle: Caf\u00e9\n---\n\nBody.\n".getBytes(StandardCharsets.ISO_8859_1);
        write("latin1.md", latin1);
        assertThat(load().problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("is not valid UTF-8 (byte 0xE9");
        });
    }

    @Test
    void binaryFilesAreRefused() throws IOException {
        write("image.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\n', 0, 0, 0});
        assertThat(load().problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("binary file"));
    }

    @Test
    void twoFilesWithTheSamePathAreReported() throws IOException {
        write("troubleshooting/01.login.md", GOOD);
        write("troubleshooting/02.login.md", GOOD);
        ArticleLoader.Result result = load();
        assertThat(result.articles()).hasSize(1);
        assertThat(result.problems())
                .singleElement()
                .hasToString(
                        "troubleshooting/02.login.md:1: duplicate path /troubleshooting/login: troubleshooting/01.login.md has the same path");
    }

    @Test
    void symlinksOutOfTheFolderAreRefused(@TempDir Path outside) throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.md"), GOOD);
        Files.createSymbolicLink(articles.resolve("leak.md"), secret);
        assertThat(load().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("leak.md");
            assertThat(p.message()).contains("outside the articles folder");
        });
    }

    @Test
    void unreadableEntriesAreReported() throws IOException {
        Files.createSymbolicLink(articles.resolve("dangling.md"), articles.resolve("missing-target.md"));
        assertThat(load().problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("cannot be read"));
    }

    @Test
    void oversizedFilesAreRefused() throws IOException {
        write("huge.md", "---\ntitle: Huge\n---\n\n" + "word ".repeat((int) (ArticleLoader.MAX_FILE_BYTES / 5) + 10));
        assertThat(load().problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("articles are limited to"));
    }

    @Test
    void draftsAndRedirectsAreLeftOut() throws IOException {
        write("draft.md", "---\ntitle: Draft\ndraft: true\n---\n\nSoon.\n");
        write("moved.md", "---\nredirect: /elsewhere\n---\n");
        write("live.md", GOOD);
        ArticleLoader.Result result = load();
        assertThat(result.articles()).extracting(Article::file).containsExactly("live.md");
        assertThat(result.skipped()).isEqualTo(2);
        assertThat(new ArticleLoader().load(articles, true).articles()).hasSize(2);
    }
}
