package dev.helpsearch.bench;

import dev.helpsearch.app.HelpCenter;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.SearchRequest;
import dev.helpsearch.search.SearchResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One search as the API runs it (full relevance pipeline, snippets, the semantic side when on),
 * cycling through a realistic query mix over a built index. SampleTime mode, so JMH reports the
 * distribution (p50, p99), not only the mean.
 *
 * <pre>java -cp 'target/jmh/classes:target/jmh/lib/*' org.openjdk.jmh.Main QueryBenchmark -p corpus=DIR [-p queries=FILE.jsonl] [-p semantic=on] [-p index=DIR]</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class QueryBenchmark {

    /** The articles folder. */
    @Param("articles")
    public String corpus;

    /** A judged query set (eval/queries/*.jsonl) or a file of queries one a line (generate --queries); empty: a mix drawn from the corpus. */
    @Param("")
    public String queries;

    @Param("off")
    public String semantic;

    /** An index folder to reuse (brought up to date first, so a semantic index is not embedded again); empty: a temporary one. */
    @Param("")
    public String index;

    private Path indexDir;
    private boolean temporary;
    private HelpCenter center;
    private HelpSearch search;
    private String[] mix;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path articles = Path.of(corpus);
        temporary = index.isEmpty();
        indexDir = temporary ? Files.createTempDirectory("helpsearch-bench") : Path.of(index);
        center = HelpCenter.indexed(HelpCenter.Setup.of(articles, indexDir), semantic.equals("on"));
        search = center.search();
        mix = BenchQueries.load(articles, queries.isEmpty() ? null : Path.of(queries));
    }

    @Benchmark
    public SearchResults search() {
        // one shared cursor: with a single benchmark thread the order is the mix's own
        String query = mix[next];
        next = next + 1 == mix.length ? 0 : next + 1;
        return search.search(SearchRequest.of(query));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        center.close();
        if (temporary) {
            try (var walk = Files.walk(indexDir)) {
                for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
