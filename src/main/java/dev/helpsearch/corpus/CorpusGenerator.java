package dev.helpsearch.corpus;

import dev.helpsearch.article.Article;
import dev.helpsearch.article.ArticleParser;
import dev.helpsearch.article.InvalidArticleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A corpus of N realistic articles, the same for the same seed: what the benchmarks index and
 * query at sizes no real help center of ours has yet.
 */
public final class CorpusGenerator {

    private final ArticleComposer composer;

    public CorpusGenerator(long seed) {
        this.composer = new ArticleComposer(seed);
    }

    /** The articles numbered 0 to count - 1, lazily. */
    public Stream<GeneratedArticle> articles(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        return IntStream.range(0, count).mapToObj(composer::compose);
    }

    /**
     * Up to {@code size} of the first {@code count} articles, evenly spread, parsed as the index
     * parses them: what a query mix for the corpus is drawn from.
     */
    public List<Article> sample(int count, int size) {
        ArticleParser parser = new ArticleParser();
        int step = Math.max(1, count / Math.max(1, size));
        List<Article> sample = new ArrayList<>();
        for (int i = 0; i < count; i += step) {
            GeneratedArticle article = composer.compose(i);
            try {
                sample.add(parser.parse(article.file(), article.text()));
            } catch (InvalidArticleException e) {
                throw new IllegalStateException(
                        "generated an invalid article " + article.file() + ": " + e.getMessage(), e);
            }
        }
        return sample;
    }

    /** Writes the articles under a folder (created if needed); returns how many were written. */
    public int write(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        int written = 0;
        for (GeneratedArticle article : (Iterable<GeneratedArticle>) articles(count)::iterator) {
            Path file = folder.resolve(article.file());
            Files.createDirectories(file.getParent());
            Files.writeString(file, article.text(), StandardCharsets.UTF_8);
            written++;
        }
        return written;
    }
}
