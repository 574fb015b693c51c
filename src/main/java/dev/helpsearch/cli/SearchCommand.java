package dev.helpsearch.cli;

import dev.helpsearch.app.HelpCenter;
import dev.helpsearch.http.Json;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.SearchRequest;
import dev.helpsearch.search.SearchResults;
import dev.helpsearch.search.core.IndexUnavailableException;
import dev.helpsearch.search.core.InvalidRequestException;
import dev.helpsearch.search.core.SearchHit;
import dev.helpsearch.search.core.Urls;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "search",
        description = "Search the index from the command line; --json prints exactly what GET /_/v1/search returns.")
final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "What to search for.")
    List<String> words;

    @Option(
            names = "--index",
            paramLabel = "DIR",
            defaultValue = "${env:HELPSEARCH_INDEX:-index}",
            description = "Folder of the index (default: ${DEFAULT-VALUE}; env HELPSEARCH_INDEX).")
    Path index;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "10",
            description = "Hits to show, 1-50 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--offset",
            paramLabel = "N",
            defaultValue = "0",
            description = "Hits to skip (default: ${DEFAULT-VALUE}).")
    int offset;

    @Option(names = "--category", paramLabel = "C", description = "Only this category.")
    String category;

    @Option(
            names = "--site-url",
            paramLabel = "URL",
            defaultValue = "${env:HELPSEARCH_SITE_URL:-}",
            description = "Make hit urls absolute on the help center's site (env HELPSEARCH_SITE_URL).")
    String siteUrl;

    @Mixin
    SemanticOption semantic;

    @Option(names = "--json", description = "Print the API's JSON.")
    boolean json;

    @Option(names = "--explain", description = "Print the Lucene query and how each hit was scored (for tuning).")
    boolean explain;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (HelpCenter center =
                HelpCenter.opened(HelpCenter.Setup.ofIndex(index, new Urls(siteUrl)), semantic.enabled)) {
            HelpSearch search = center.search();
            SearchRequest request = new SearchRequest(String.join(" ", words), limit, offset, category);
            if (explain) {
                out.println(search.explain(request));
                return 0;
            }
            SearchResults results = search.search(request);
            if (json) {
                out.println(Json.write(results));
            } else {
                print(out, results);
            }
            return 0;
        } catch (IndexUnavailableException | InvalidRequestException e) {
            err.println("helpsearch: " + e.getMessage());
            return 1;
        }
    }

    private static void print(PrintWriter out, SearchResults results) {
        out.printf("%d match(es) in %.2f ms%n", results.total(), results.tookMs());
        if (results.didYouMean() != null) {
            out.println("did you mean: " + results.didYouMean());
        }
        int rank = 1;
        for (SearchHit hit : results.hits()) {
            String where = hit.heading().isEmpty() ? hit.title() : hit.title() + " \u203a " + hit.heading();
            out.printf("%2d. %s%n    %s%n    %s%n", rank++, where, hit.url(), plain(hit.snippet()));
        }
    }

    /** The snippet for a terminal: marks shown as [brackets], entities decoded. */
    private static String plain(String snippet) {
        return snippet.replace("<mark>", "[")
                .replace("</mark>", "]")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&#39;", "'")
                .replace("&#x2F;", "/")
                .replace("&amp;", "&");
    }
}
