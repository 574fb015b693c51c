package dev.helpsearch.cli;

import dev.helpsearch.article.NuxtConformance;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "conformance",
        description = {
            "Compare helpsearch's paths, heading ids and sections with the help center's own parser.",
            "EXPECTED is the JSON-lines output of the Nuxt parser for the folder (shared/conformance/gen.mjs)."
        })
final class ConformanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ARTICLES", description = "Folder of Markdown files.")
    Path articles;

    @Parameters(index = "1", paramLabel = "EXPECTED", description = "Expected parse, one JSON object per file.")
    Path expected;

    @Option(names = "--verbose", description = "List every difference, not just the first per file.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<NuxtConformance.FileResult> results = new NuxtConformance().check(articles, expected);
        long matching =
                results.stream().filter(NuxtConformance.FileResult::matches).count();
        for (NuxtConformance.FileResult result : results) {
            if (!result.matches()) {
                out.println("MISMATCH " + result.file());
                result.differences().stream()
                        .limit(verbose ? Long.MAX_VALUE : 1)
                        .forEach(d -> out.println("  " + d));
            }
        }
        out.println(matching + "/" + results.size() + " files match (paths, heading ids, sections)");
        return matching == results.size() ? 0 : 1;
    }
}
