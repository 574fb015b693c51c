package dev.helpsearch.http;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, for tests. The official Java client
 * (1.10) writes this format but ships no parser for it (its jars hold writers only), so this
 * follows the format's specification: HELP and TYPE before a family's samples, valid names,
 * escaped label values, Go-style floats, no series twice, histogram buckets cumulative and
 * ending in +Inf equal to _count. Any deviation throws.
 */
final class PrometheusText {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE =
            Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?");
    private static final Pattern LABEL =
            Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    record Sample(String name, Map<String, String> labels, double value) {}

    record Family(String name, String type, String help, List<Sample> samples) {}

    static Map<String, Family> parse(String text) {
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        Map<String, String> helps = new HashMap<>();
        Set<String> series = new HashSet<>();
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a line feed");
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ", 2);
                require(NAME.matcher(parts[0]).matches(), "bad metric name", line);
                if (line.startsWith("# TYPE ")) {
                    require(parts.length == 2 && TYPES.contains(parts[1]), "bad type", line);
                    require(types.put(parts[0], parts[1]) == null, "TYPE given twice", line);
                } else {
                    require(helps.put(parts[0], parts.length > 1 ? parts[1] : "") == null, "HELP given twice", line);
                }
                continue;
            }
            require(!line.startsWith("#") && !line.isBlank(), "unexpected line", line);
            Matcher sample = SAMPLE.matcher(line);
            require(sample.matches(), "not a sample", line);
            String name = sample.group(1);
            String family = familyOf(name, types);
            require(family != null, "sample before its TYPE", line);
            Map<String, String> labels = new TreeMap<>();
            String rawLabels = sample.group(2);
            if (rawLabels != null && !rawLabels.isEmpty()) {
                Matcher label = LABEL.matcher(rawLabels);
                int at = 0;
                while (at < rawLabels.length()) {
                    require(label.find(at) && label.start() == at, "bad label syntax", line);
                    require(labels.put(label.group(1), label.group(2)) == null, "label given twice", line);
                    at = label.end();
                }
            }
            require(series.add(name + labels), "series given twice", line);
            double value = value(sample.group(3), line);
            families.computeIfAbsent(
                            family, f -> new Family(f, types.get(f), helps.get(f), new java.util.ArrayList<>()))
                    .samples()
                    .add(new Sample(name, labels, value));
        }
        families.values().stream().filter(f -> f.type().equals("histogram")).forEach(PrometheusText::checkHistogram);
        return families;
    }

    private static String familyOf(String sample, Map<String, String> types) {
        if (types.containsKey(sample)) {
            return sample;
        }
        for (String suffix : List.of("_bucket", "_count", "_sum", "_total", "_created")) {
            if (sample.endsWith(suffix)) {
                String family = sample.substring(0, sample.length() - suffix.length());
                if (types.containsKey(family)) {
                    return family;
                }
            }
        }
        return null;
    }

    private static double value(String raw, String line) {
        return switch (raw) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                require(raw.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?"), "bad value", line);
                yield Double.parseDouble(raw);
            }
        };
    }

    /** Per series (labels without le): buckets by increasing le, counts never decreasing, +Inf last and equal to _count. */
    private static void checkHistogram(Family family) {
        Map<Map<String, String>, TreeMap<Double, Double>> buckets = new HashMap<>();
        Map<Map<String, String>, Double> counts = new HashMap<>();
        for (Sample s : family.samples()) {
            Map<String, String> series = new TreeMap<>(s.labels());
            if (s.name().endsWith("_bucket")) {
                String le = series.remove("le");
                require(le != null, "bucket without le", s.toString());
                buckets.computeIfAbsent(series, k -> new TreeMap<>()).put(value(le, s.toString()), s.value());
            } else if (s.name().endsWith("_count")) {
                counts.put(series, s.value());
            }
        }
        buckets.forEach((series, byBound) -> {
            double previous = 0;
            for (double count : byBound.values()) {
                require(count >= previous, "buckets not cumulative", family.name() + series);
                previous = count;
            }
            require(byBound.lastKey() == Double.POSITIVE_INFINITY, "no +Inf bucket", family.name() + series);
            require(
                    counts.containsKey(series) && counts.get(series) == previous,
                    "+Inf bucket differs from _count",
                    family.name() + series);
        });
    }

    private static void require(boolean condition, String problem, String line) {
        if (!condition) {
            throw new IllegalArgumentException(problem + ": " + line);
        }
    }

    private PrometheusText() {}
}
