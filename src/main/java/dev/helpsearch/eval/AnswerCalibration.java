package dev.helpsearch.eval;

import dev.helpsearch.search.AnswerResult;
import dev.helpsearch.search.HelpSearch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How trustworthy the in-app answer's confidence is: with every answer given (threshold 0), each
 * judged query yields (confidence, was the section an answer?). For a candidate threshold, the
 * precision is the share of right answers among those given, the coverage the share of queries
 * that get one. The service's threshold is the lowest one whose precision meets the bar.
 */
public final class AnswerCalibration {

    /** One query's answer: its confidence and whether a person judged it to answer the query. */
    public record Point(double confidence, boolean correct) {}

    /** Precision and coverage of answering only above {@code threshold}. */
    public record Row(double threshold, int answered, int correct, double precision, double coverage) {}

    private AnswerCalibration() {}

    /** {@code search} must be configured with threshold 0, so that every query gets its best section. */
    public static List<Point> points(HelpSearch search, List<JudgedQuery> queries) {
        List<Point> points = new ArrayList<>();
        for (JudgedQuery query : queries) {
            AnswerResult result = search.answer(query.query());
            if (result.answer() != null) {
                points.add(new Point(
                        result.answer().confidence(),
                        query.answers(relative(result.answer().url()))));
            } else {
                points.add(new Point(0, false));
            }
        }
        return points;
    }

    public static List<Row> table(List<Point> points, double[] thresholds) {
        List<Row> rows = new ArrayList<>();
        for (double threshold : thresholds) {
            List<Point> answered = points.stream()
                    .filter(p -> p.confidence() >= threshold && p.confidence() > 0)
                    .toList();
            int correct = (int) answered.stream().filter(Point::correct).count();
            rows.add(new Row(
                    threshold,
                    answered.size(),
                    correct,
                    answered.isEmpty() ? 1 : (double) correct / answered.size(),
                    points.isEmpty() ? 0 : (double) answered.size() / points.size()));
        }
        return rows;
    }

    /** The lowest threshold whose answers are right at least {@code precision} of the time. */
    public static double lowestThreshold(List<Point> points, double precision) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::confidence).reversed());
        double best = 1;
        int answered = 0;
        int correct = 0;
        for (Point point : sorted) {
            if (point.confidence() <= 0) {
                break;
            }
            answered++;
            correct += point.correct() ? 1 : 0;
            if ((double) correct / answered >= precision) {
                best = point.confidence();
            }
        }
        return best;
    }

    private static String relative(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int path = url.indexOf('/', scheme + 3);
        return path < 0 ? "/" : url.substring(path);
    }
}
