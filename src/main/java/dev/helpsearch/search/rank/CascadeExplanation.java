package dev.helpsearch.search.rank;

import dev.helpsearch.search.core.HitRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.search.ScoreDoc;

/**
 * A cascade's run told for people tuning ranking: for each stage, what it did and where the shown
 * hits stood after it; then, per shown hit, what each stage made of it, the last stage first,
 * since the last stage decided the order that is shown.
 */
public final class CascadeExplanation {

    private CascadeExplanation() {}

    /** @param shown the hits shown, in their final order */
    public static String of(List<RankCascade.Step> steps, List<ScoreDoc> shown, RankContext context)
            throws IOException {
        Candidates last = steps.get(steps.size() - 1).after();
        StringBuilder out =
                new StringBuilder("query: ").append(last.words().query()).append("\n\n");
        List<String> urls = new ArrayList<>();
        for (ScoreDoc hit : shown) {
            urls.add(HitRecords.read(context.snapshot(), hit.doc).url());
        }
        for (int s = 0; s < steps.size(); s++) {
            RankCascade.Step step = steps.get(s);
            String summary = step.stage().summary(step.before(), step.after(), context);
            out.append(s + 1).append(". ").append(step.stage().name());
            out.append(summary.isEmpty() ? "" : ": " + summary).append('\n');
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                order.add(i);
            }
            int[] position = shown.stream()
                    .mapToInt(hit -> step.after().position(hit.doc))
                    .toArray();
            order.sort(Comparator.comparingInt(i -> position[i] < 0 ? Integer.MAX_VALUE : position[i]));
            for (int i : order) {
                if (position[i] < 0) {
                    out.append(String.format(Locale.ROOT, "  %5s %10s  %s%n", "-", "", urls.get(i)));
                } else {
                    out.append(String.format(
                            Locale.ROOT,
                            "  %5s %10.4f  %s%n",
                            "#" + (position[i] + 1),
                            step.after().hits()[position[i]].score,
                            urls.get(i)));
                }
            }
        }
        for (int i = 0; i < shown.size(); i++) {
            ScoreDoc hit = shown.get(i);
            out.append('\n')
                    .append(urls.get(i))
                    .append("  score ")
                    .append(hit.score)
                    .append('\n');
            for (int s = steps.size() - 1; s >= 0; s--) {
                RankCascade.Step step = steps.get(s);
                String explained = step.stage().explain(step.before(), step.after(), hit.doc, context);
                if (explained.isEmpty()) {
                    continue;
                }
                out.append("  ").append(step.stage().name()).append(": ");
                if (explained.indexOf('\n') < 0) {
                    out.append(explained).append('\n');
                } else {
                    out.append('\n');
                    explained
                            .lines()
                            .forEach(line -> out.append("    ").append(line).append('\n'));
                }
            }
        }
        return out.toString();
    }
}
