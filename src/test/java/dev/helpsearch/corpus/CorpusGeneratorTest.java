package dev.helpsearch.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.article.Article;
import dev.helpsearch.article.ArticleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedWritesIdenticalFiles() throws IOException {
        new CorpusGenerator(42).write(dir.resolve("a"), 60);
        new CorpusGenerator(42).write(dir.resolve("b"), 60);

        assertThat(files(dir.resolve("a"))).hasSize(60).isEqualTo(files(dir.resolve("b")));
    }

    @Test
    void anotherSeedWritesAnotherCorpus() throws IOException {
        new CorpusGenerator(1).write(dir.resolve("a"), 20);
        new CorpusGenerator(2).write(dir.resolve("b"), 20);

        assertThat(files(dir.resolve("a"))).isNotEqualTo(files(dir.resolve("b")));
    }

    @Test
    void everyArticleIsValidAndTheCountIsTheOneAskedFor() throws IOException {
        int written = new CorpusGenerator(7).write(dir, 300);

        ArticleLoader.Result loaded = new ArticleLoader().load(dir, false);

        assertThat(written).isEqualTo(300);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.articles()).hasSize(300);
    }

    @Test
    void articlesLookLikeTheSeedArticles() throws IOException {
        new CorpusGenerator(7).write(dir, 200);

        List<Article> articles = new ArticleLoader().load(dir, false).articles();

        assertThat(articles).allSatisfy(article -> {
            assertThat(article.title()).isNotBlank();
            assertThat(article.sections().size()).isBetween(3, 12);
        });
        assertThat(articles.stream().map(Article::category).distinct().count()).isGreaterThan(5);
        String all = String.join("\n", files(dir).values());
        assertThat(all)
                .contains(
                        "::callout{type=\"warning\"}", "```bash", "**To fix:**", "`~/.app/config.json`", "EADDRINUSE");
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
