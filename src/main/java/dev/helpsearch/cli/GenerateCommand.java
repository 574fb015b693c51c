package dev.helpsearch.cli;

import dev.helpsearch.corpus.BenchQuery;
import dev.helpsearch.corpus.CorpusGenerator;
import dev.helpsearch.corpus.QueryMix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        description = {
            "Write N realistic articles in the help center's format into an empty folder, for benchmarks:",
            "the same seed always gives the same files."
        })
final class GenerateCommand implements Callable<Integer> {

    /** Articles the query mix is drawn from, spread over the corpus. */
    private static final int QUERY_SAMPLE = 300;

    private static final int QUERIES_PER_TYPE = 40;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--articles",
            paramLabel = "DIR",
            required = true,
            description = "Folder to write the articles into; must be empty or missing.")
    Path articles;

    @Option(names = "--count", paramLabel = "N", required = true, description = "How many articles to write.")
    int count;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Seed of the corpus (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--queries",
            paramLabel = "FILE",
            description =
                    "Also write a query mix for this corpus (short, prefix, typo, ticket, identifier), one query a line.")
    Path queries;

    @Override
    public Integer call() throws IOException {
        if (count < 0) {
            spec.commandLine().getErr().println("helpsearch: --count must not be negative");
            return 2;
        }
        // writing into a folder that holds other articles would give a corpus of another size
        if (Files.isDirectory(articles)) {
            try (Stream<Path> entries = Files.list(articles)) {
                if (entries.findAny().isPresent()) {
                    spec.commandLine()
                            .getErr()
                            .println("helpsearch: " + articles + " is not empty; generate into an empty folder");
                    return 1;
                }
            }
        }
        long start = System.nanoTime();
        CorpusGenerator generator = new CorpusGenerator(seed);
        int written = generator.write(articles, count);
        if (queries != null) {
            List<String> mix = QueryMix.of(generator.sample(count, QUERY_SAMPLE), QUERIES_PER_TYPE, seed).stream()
                    .map(BenchQuery::text)
                    .toList();
            Files.write(queries, mix);
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "generated %d articles (seed %d) in %s in %d ms%n",
                        written, seed, articles, (System.nanoTime() - start) / 1_000_000);
        return 0;
    }
}
