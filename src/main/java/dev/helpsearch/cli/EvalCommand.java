package dev.helpsearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.helpsearch.app.HelpCenter;
import dev.helpsearch.eval.AnswerCalibration;
import dev.helpsearch.eval.Bootstrap;
import dev.helpsearch.eval.Evaluation;
import dev.helpsearch.eval.JudgedQuery;
import dev.helpsearch.eval.Metrics;
import dev.helpsearch.eval.QueryOutcome;
import dev.helpsearch.eval.QuerySet;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.rank.FusionCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "eval",
        description = {
            "Measure ranking quality on a judged query set.",
            "Indexes an articles folder and runs a judged query set against it, printing S@1, S@3, MRR@10, "
                    + "nDCG@10, Recall@10 and page-level S@1, overall and per query type, and the worst queries with "
                    + "what ranked instead."
        })
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--articles", paramLabel = "DIR", required = true, description = "Folder of Markdown articles.")
    Path articles;

    @Option(names = "--queries", paramLabel = "FILE", required = true, description = "Judged queries, JSON lines.")
    Path queries;

    @Option(
            names = "--worst",
            paramLabel = "N",
            defaultValue = "10",
            description = "How many of the worst queries to list (default: ${DEFAULT-VALUE}).")
    int worst;

    @Option(
            names = "--answers",
            description = "Also measure the in-app answer's confidence: precision and coverage by threshold.")
    boolean answers;

    @Option(
            names = "--set",
            paramLabel = "NAME=VALUE",
            description = "Try a ranking setting, e.g. --set phraseBoost=2 (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(
            names = "--index",
            paramLabel = "DIR",
            description =
                    "Keep the index in DIR between runs (updated in place, vectors reused) instead of a temporary one.")
    Path keptIndex;

    @Option(
            names = "--features",
            paramLabel = "FILE",
            description =
                    "Also write every query's fusion candidates with their features (JSON lines), for fitting the fusion offline.")
    Path features;

    @Mixin
    SemanticOption semantic;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<JudgedQuery> judged = QuerySet.read(queries);
        Path index = keptIndex != null ? keptIndex : Files.createTempDirectory("helpsearch-eval");
        Ranking ranking = Ranking.defaults();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            ranking = ranking.with(setting.getKey(), setting.getValue());
        }
        try (HelpCenter center =
                HelpCenter.indexed(HelpCenter.Setup.of(articles, index).withRanking(ranking), semantic.enabled)) {
            HelpSearch search = center.search();
            Evaluation.Report report = Evaluation.run(search, judged);
            print(out, report);
            if (features != null) {
                writeFeatures(search, judged, features);
            }
            if (answers) {
                printCalibration(out, AnswerCalibration.points(center.search(ranking, 0), judged));
            }
        } finally {
            if (keptIndex == null) {
                deleteRecursively(index);
            }
        }
        return 0;
    }

    private void print(PrintWriter out, Evaluation.Report report) {
        out.printf(
                "%-12s %4s %6s %6s %6s %6s %6s %6s  %-15s %-15s%n",
                "type", "n", "S@1", "S@3", "MRR@10", "nDCG", "R@10", "pageS1", "S@1 95% CI", "MRR@10 95% CI");
        Map<String, List<QueryOutcome>> byType = report.outcomes().stream()
                .collect(Collectors.groupingBy(o -> o.query().type(), java.util.TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, Metrics> type : report.byType().entrySet()) {
            row(out, type.getKey(), type.getValue(), byType.get(type.getKey()));
        }
        row(out, "ALL", report.overall(), report.outcomes());
        if (worst > 0) {
            out.println();
            out.println("worst " + worst + ":");
            for (QueryOutcome outcome : report.worst(worst)) {
                String expected = outcome.query().grades().entrySet().stream()
                        .filter(e -> e.getValue() >= 2)
                        .map(Map.Entry::getKey)
                        .collect(Collectors.joining(" "));
                out.printf(
                        "  %s [%s] \"%s\"  RR=%.2f%n    expected: %s%n",
                        outcome.query().id(),
                        outcome.query().type(),
                        abbreviate(outcome.query().query()),
                        outcome.reciprocalRank(),
                        expected);
                for (int i = 0; i < Math.min(3, outcome.ranked().size()); i++) {
                    String url = outcome.ranked().get(i);
                    out.printf(
                            "    %d. %s%s%n",
                            i + 1,
                            url,
                            outcome.query().grade(url) > 0
                                    ? "  (grade " + outcome.query().grade(url) + ")"
                                    : "");
                }
            }
        }
    }

    private static void writeFeatures(HelpSearch search, List<JudgedQuery> judged, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (var out = Files.newBufferedWriter(file)) {
            for (JudgedQuery query : judged) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", query.id());
                line.put("type", query.type());
                line.put("topic", query.topic());
                line.put("query", query.query());
                line.put("grades", query.grades());
                line.put("names", HelpSearch.candidateFeatureNames());
                FusionCase fusionCase = search.candidates(query.query());
                line.put("knownShare", fusionCase.knownShare());
                line.put("offTopic", fusionCase.offTopic());
                line.put(
                        "candidates",
                        fusionCase.candidates().stream()
                                .map(c -> Map.of("url", c.url(), "lexical", c.lexical(), "f", c.features()))
                                .toList());
                out.write(json.writeValueAsString(line));
                out.write('\n');
            }
        }
    }

    private static void printCalibration(PrintWriter out, List<AnswerCalibration.Point> points) {
        out.println();
        out.println("in-app answer: confidence threshold -> answers given, right, precision, coverage");
        double[] thresholds = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8, 0.9};
        for (AnswerCalibration.Row row : AnswerCalibration.table(points, thresholds)) {
            out.printf(
                    "  >= %.2f  %3d  %3d  %.3f  %.3f%n",
                    row.threshold(), row.answered(), row.correct(), row.precision(), row.coverage());
        }
        out.printf("lowest threshold with precision >= 0.90: %.3f%n", AnswerCalibration.lowestThreshold(points, 0.90));
    }

    private static void row(PrintWriter out, String name, Metrics m, List<QueryOutcome> outcomes) {
        Bootstrap.Interval s1 = Bootstrap.of(outcomes, o -> o.successAt(1));
        Bootstrap.Interval mrr = Bootstrap.of(outcomes, QueryOutcome::reciprocalRank);
        out.printf(
                "%-12s %4d %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f  [%.3f, %.3f]  [%.3f, %.3f]%n",
                name,
                m.queries(),
                m.s1(),
                m.s3(),
                m.mrr10(),
                m.ndcg10(),
                m.recall10(),
                m.pageS1(),
                s1.low(),
                s1.high(),
                mrr.low(),
                mrr.high());
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 90 ? flat : flat.substring(0, 87) + "...";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
