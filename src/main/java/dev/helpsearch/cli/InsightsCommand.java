package dev.helpsearch.cli;

import dev.helpsearch.insights.ContentGaps;
import dev.helpsearch.insights.InsightsCsv;
import dev.helpsearch.insights.InsightsReport;
import dev.helpsearch.insights.InsightsReports;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.core.IndexUnavailableException;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Urls;
import dev.helpsearch.search.rank.SemanticModel;
import dev.helpsearch.semantic.BgeSmallEmbedder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "insights",
        description = {
            "What people searched for in the data folder's insights database: top queries, searches with no results or no clicks, "
                    + "in-app lookups without a confident answer, click-through, article ratings and content gaps.",
            "Reads the database while the server runs, or after; each problem query is searched again in the index to show its hits today."
        })
final class InsightsCommand implements Callable<Integer> {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "${env:HELPSEARCH_DATA:-data}",
            description = "The server's data folder (default: ${DEFAULT-VALUE}; env HELPSEARCH_DATA).")
    Path data;

    @Option(
            names = "--index",
            paramLabel = "DIR",
            defaultValue = "${env:HELPSEARCH_INDEX:-index}",
            description =
                    "The index to search problem queries in (default: ${DEFAULT-VALUE}; env HELPSEARCH_INDEX); without one, no hits are shown.")
    Path index;

    @Option(
            names = "--days",
            paramLabel = "N",
            defaultValue = "30",
            description = "The period: the last N days, 1-3650 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "15",
            description = "Rows per list, 1-1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--csv",
            paramLabel = "queries|gaps|articles",
            description = "Print one table as CSV instead (every query for queries).")
    String csv;

    @Mixin
    SemanticOption semantic;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (days < 1 || days > 3650 || limit < 1 || limit > 1000) {
            err.println("helpsearch: --days must be from 1 to 3650 and --limit from 1 to 1000");
            return ExitCodes.USAGE;
        }
        if (csv != null && !List.of("queries", "gaps", "articles").contains(csv)) {
            err.println("helpsearch: --csv takes queries, gaps or articles, not '" + csv + "'");
            return ExitCodes.USAGE;
        }
        LiveIndex live = null;
        SemanticModel model = SemanticModel.off();
        try {
            Function<String, List<InsightsReport.BestHit>> bestHits = q -> List.of();
            try {
                live = LiveIndex.open(index);
                if (semantic.enabled && live.metadata().hasVectors() && (csv == null || csv.equals("gaps"))) {
                    model = SemanticModel.ready(BgeSmallEmbedder.load());
                }
                bestHits = InsightsWiring.bestHits(new HelpSearch(live, new Urls(""), model));
            } catch (IndexUnavailableException e) {
                err.println("helpsearch: no index to show today's hits from (" + e.getMessage() + ")");
            }
            InsightsReports reports =
                    new InsightsReports(data, bestHits, new ContentGaps(InsightsWiring.embedding(model)));
            Instant to = Instant.now();
            Instant from = to.minus(Duration.ofDays(days));
            if (csv != null) {
                out.print(
                        switch (csv) {
                            case "queries" -> InsightsCsv.queries(reports.allQueries(from, to));
                            case "gaps" ->
                                InsightsCsv.gaps(reports.report(from, to, limit).gaps());
                            default ->
                                InsightsCsv.articles(
                                        reports.report(from, to, limit).helpfulness());
                        });
            } else {
                print(out, reports.report(from, to, limit), limit);
            }
            out.flush();
            return ExitCodes.OK;
        } catch (SQLException e) {
            err.println("helpsearch: " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            model.close();
            if (live != null) {
                try {
                    live.close();
                } catch (java.io.IOException e) {
                    // read only; nothing to lose
                }
            }
        }
    }

    private static void print(PrintWriter out, InsightsReport report, int limit) {
        InsightsReport.Totals t = report.totals();
        out.printf("Search insights from %s to %s%n", DAY.format(report.from()), DAY.format(report.to()));
        out.printf(
                Locale.ROOT,
                "searches %d, no results %d, click-through %.0f%% of %d, average click position %s, in-app answers %d of %d%n",
                t.searches(),
                t.zeroResults(),
                t.clickThrough() * 100,
                t.clickable(),
                t.clicks() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", t.averagePosition()),
                t.answered(),
                t.lookups());
        StringBuilder sources = new StringBuilder();
        report.bySource().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> sources.append(sources.isEmpty() ? "" : ", ")
                        .append(e.getKey())
                        .append(' ')
                        .append(e.getValue()));
        out.println("by source: " + sources);

        out.println();
        out.println("Content gaps (failed searches  topic: variants)");
        if (report.gaps().isEmpty()) {
            out.println("  none");
        }
        report.gaps().stream()
                .limit(limit)
                .forEach(g -> out.printf("%6d  %s: %s%n", g.searches(), g.label(), String.join(" | ", g.variants())));
        problems(out, "No results (searches with none)", report.noResults(), q -> q.zeroResults());
        problems(out, "Results but no clicks (searches)", report.noClicks(), q -> q.clickable());
        problems(
                out,
                "In-app lookups without a confident answer",
                report.lowConfidence(),
                q -> q.lookups() - q.answered());

        out.println();
        out.println("Top queries (searches  click-through  average click position  query)");
        if (report.topQueries().isEmpty()) {
            out.println("  none");
        }
        for (InsightsReport.QueryStats q : report.topQueries()) {
            out.printf(
                    Locale.ROOT,
                    "%6d  %5s  %4s  %s%n",
                    q.searches(),
                    q.clickable() == 0 ? "-" : Math.round(q.clickThrough() * 100) + "%",
                    q.clicks() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", q.averagePosition()),
                    q.query());
        }
        out.println();
        out.println("Was this helpful? (yes  no  article)");
        if (report.helpfulness().isEmpty()) {
            out.println("  none");
        }
        report.helpfulness().stream()
                .limit(limit)
                .forEach(r -> out.printf("%5d  %3d  %s%n", r.helpful(), r.notHelpful(), r.path()));
    }

    private static void problems(
            PrintWriter out,
            String title,
            List<InsightsReport.Problem> problems,
            java.util.function.ToLongFunction<InsightsReport.QueryStats> count) {
        out.println();
        out.println(title);
        if (problems.isEmpty()) {
            out.println("  none");
        }
        for (InsightsReport.Problem p : problems) {
            out.printf("%6d  %s%n", count.applyAsLong(p.stats()), p.stats().query());
            out.println("        now: "
                    + (p.bestHits().isEmpty()
                            ? "no results"
                            : String.join(
                                    ", ",
                                    p.bestHits().stream()
                                            .map(InsightsReport.BestHit::url)
                                            .toList())));
        }
    }
}
