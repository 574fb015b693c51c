package dev.helpsearch.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.article.Article;
import dev.helpsearch.article.ArticleLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryMixTest {

    @TempDir
    Path dir;

    @Test
    void everyTypeInEqualSharesAndTheSameForTheSameSeed() throws IOException {
        new CorpusGenerator(3).write(dir, 50);
        List<Article> articles = new ArticleLoader().load(dir, false).articles();

        List<BenchQuery> mix = QueryMix.of(articles, 8, 11);

        assertThat(mix).hasSize(40).isEqualTo(QueryMix.of(articles, 8, 11));
        assertThat(mix.stream().collect(Collectors.groupingBy(BenchQuery::type, Collectors.counting())))
                .containsOnlyKeys(QueryMix.TYPES)
                .allSatisfy((type, n) -> assertThat(n).isEqualTo(8));
        assertThat(mix).allSatisfy(q -> assertThat(q.text()).isNotBlank());
    }

    @Test
    void identifiersComeFromCodeSpansAndTicketsAreLong() throws IOException {
        new CorpusGenerator(3).write(dir, 50);
        List<BenchQuery> mix = QueryMix.of(new ArticleLoader().load(dir, false).articles(), 20, 5);

        assertThat(mix.stream().filter(q -> q.type().equals("identifier")).map(BenchQuery::text))
                .anyMatch(text ->
                        text.startsWith("~/") || text.startsWith("E") || text.contains("_") || text.contains(" "));
        assertThat(mix.stream().filter(q -> q.type().equals("ticket")))
                .allSatisfy(q -> assertThat(q.text().split(" ").length).isGreaterThan(15));
    }
}
