package dev.helpsearch.bench;

import dev.helpsearch.article.Article;
import dev.helpsearch.article.ArticleParser;
import dev.helpsearch.article.InvalidArticleException;
import dev.helpsearch.corpus.BenchQuery;
import dev.helpsearch.corpus.QueryMix;
import dev.helpsearch.eval.JudgedQuery;
import dev.helpsearch.eval.QuerySet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The queries a benchmark cycles through: a judged query set's, or a mix drawn from the corpus. */
final class BenchQueries {

    /** Articles sampled to draw a mix from: enough variety, and parsing 50,000 articles would take a minute. */
    private static final int SAMPLE = 300;

    private static final int PER_TYPE = 40;

    private BenchQueries() {}

    static String[] load(Path articles, Path judged) throws IOException {
        if (judged != null && judged.toString().endsWith(".jsonl")) {
            return QuerySet.read(judged).stream().map(JudgedQuery::query).toArray(String[]::new);
        }
        if (judged != null) {
            // one query a line, as `generate --queries` writes them
            return Files.readAllLines(judged).stream()
                    .filter(line -> !line.isBlank())
                    .toArray(String[]::new);
        }
        return QueryMix.of(sample(articles), PER_TYPE, 1).stream()
                .map(BenchQuery::text)
                .toArray(String[]::new);
    }

    private static List<Article> sample(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int step = Math.max(1, files.size() / SAMPLE);
        ArticleParser parser = new ArticleParser();
        List<Article> sample = new ArrayList<>();
        for (int i = 0; i < files.size(); i += step) {
            Path file = files.get(i);
            try {
                sample.add(parser.parse(root.relativize(file).toString().replace('\\', '/'), Files.readString(file)));
            } catch (InvalidArticleException | IOException e) {
                // an article the index skips too; the sample simply has one fewer
            }
        }
        return sample;
    }
}
