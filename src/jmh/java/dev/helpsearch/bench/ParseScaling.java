package dev.helpsearch.bench;

import dev.helpsearch.article.ArticleParser;
import dev.helpsearch.article.InvalidArticleException;
import dev.helpsearch.article.markdown.ParseLimits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Parse time of each hostile article shape against its size, to show that the cost grows at most
 * linearly (bench/README.md). A main rather than JMH: each cell is one article parsed a few times,
 * best time kept, and what matters is the growth from column to column, not nanoseconds.
 *
 * <pre>java -cp 'target/jmh/classes:target/jmh/lib/*' dev.helpsearch.bench.ParseScaling [unlimited]</pre>
 *
 * {@code unlimited} lifts every limit and the budget, to show what the parser itself costs.
 */
public final class ParseScaling {

    private static final int[] KILOBYTES = {25, 50, 100, 200, 400};

    public static void main(String[] args) {
        boolean unlimited = args.length > 0 && args[0].equals("unlimited");
        ParseLimits limits = unlimited
                ? new ParseLimits(Integer.MAX_VALUE - 1, Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofHours(1))
                : ParseLimits.DEFAULT;
        ArticleParser parser = new ArticleParser(limits);
        Map<String, IntFunction<String>> shapes = new LinkedHashMap<>();
        shapes.put("unclosed `::callout` openers", bytes -> repeat("::callout\n", bytes));
        shapes.put("deep block quotes (one line)", bytes -> ">".repeat(bytes) + " deep\n");
        shapes.put(
                "components 30 deep, repeated",
                bytes -> repeat("::a\n".repeat(30) + "text\n" + "::\n".repeat(30) + "\n", bytes));
        shapes.put("many headings", bytes -> repeat("## Heading about ports\n\nText.\n\n", bytes));
        shapes.put("one long line", bytes -> repeat("word *emphasis* `code` ", bytes) + "\n");
        shapes.put("many inline components", bytes -> repeat(":badge[x]{color=\"red\"} ", bytes) + "\n");
        shapes.put("long attribute list", bytes -> "::callout{" + repeat("a=\"1\" ", bytes) + "}\ntext\n::\n");
        shapes.put("unclosed `{{` bindings", bytes -> repeat("{{ ", bytes) + "\n");
        shapes.put(
                "huge table",
                bytes -> "| a | b | c | d |\n| --- | --- | --- | --- |\n" + repeat("| 1 | two | `3` | *4* |\n", bytes));
        shapes.put("many footnotes", bytes -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; out.length() < bytes; i++) {
                out.append("Text[^")
                        .append(i)
                        .append("].\n\n[^")
                        .append(i)
                        .append("]: Note ")
                        .append(i)
                        .append(".\n\n");
            }
            return out.toString();
        });
        shapes.put(
                "link reference flood",
                bytes -> repeat("[a][r] [b][r] [c][r] ", bytes) + "\n\n" + repeat("[r]: /x\n", bytes / 4));
        shapes.put("unclosed `[` brackets", bytes -> repeat("[", bytes) + "\n");
        shapes.put("unclosed emphasis", bytes -> repeat("*a **b _c ", bytes) + "\n");

        StringBuilder header = new StringBuilder("| shape |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (int kb : KILOBYTES) {
            header.append(' ').append(kb).append(" KB |");
            rule.append(" ---: |");
        }
        System.out.println(header.append(" outcome at ")
                .append(KILOBYTES[KILOBYTES.length - 1])
                .append(" KB |"));
        System.out.println(rule.append(" --- |"));
        for (Map.Entry<String, IntFunction<String>> shape : shapes.entrySet()) {
            StringBuilder row = new StringBuilder("| ").append(shape.getKey()).append(" |");
            String outcome = "";
            for (int kb : KILOBYTES) {
                String content =
                        "---\ntitle: Hostile\n---\n\n" + shape.getValue().apply(kb * 1024);
                long best = Long.MAX_VALUE;
                for (int run = 0; run < 3; run++) {
                    long start = System.nanoTime();
                    outcome = parse(parser, content);
                    best = Math.min(best, System.nanoTime() - start);
                }
                row.append(' ').append(best / 1_000_000).append(" ms |");
            }
            System.out.println(row.append(' ').append(outcome).append(" |"));
        }
    }

    private static String parse(ArticleParser parser, String content) {
        try {
            return parser.parse("hostile.md", content).sections().size() + " sections";
        } catch (InvalidArticleException e) {
            String message = e.problem().message();
            return "reported at line " + e.problem().line() + ": "
                    + message.substring(0, message.indexOf(';') < 0 ? message.length() : message.indexOf(';'));
        } catch (StackOverflowError e) {
            return "stack overflow";
        }
    }

    private static String repeat(String unit, int bytes) {
        return unit.repeat(Math.max(1, bytes / unit.length()));
    }
}
