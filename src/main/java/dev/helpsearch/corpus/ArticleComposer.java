package dev.helpsearch.corpus;

import static dev.helpsearch.corpus.Vocabulary.pick;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes one article in the seed articles' format: front matter, an intro, then 3 to 12 {@code ##}
 * sections of help-center prose with steps, identifiers, code blocks and callouts. Each article
 * depends only on the seed and its number, so any one of them can be regenerated alone.
 */
final class ArticleComposer {

    private static final LocalDate EPOCH = LocalDate.of(2024, 1, 1);

    private final long seed;

    ArticleComposer(long seed) {
        this.seed = seed;
    }

    GeneratedArticle compose(int number) {
        // a stream of its own per article (not one shared stream), so the corpus does not depend on order
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
        String category = pick(random, Vocabulary.CATEGORIES);
        String topic = pick(random, Vocabulary.TOPICS);
        String component = pick(random, Vocabulary.COMPONENTS);
        boolean troubleshooting = random.nextInt(3) > 0;
        String title = troubleshooting
                ? capitalize(component) + " " + pick(random, Vocabulary.SYMPTOMS)
                : pick(random, Vocabulary.HOW_TO) + " for the " + component;
        int order = 1 + number % 99;
        String file = category + "/" + topic + "/" + String.format(Locale.ROOT, "%02d", order) + "." + slug(title) + "-"
                + number + ".md";

        StringBuilder out = new StringBuilder(4096);
        out.append("---\n")
                .append("title: ")
                .append(title)
                .append('\n')
                .append("description: ")
                .append(description(random, component, troubleshooting))
                .append('\n')
                .append("category: ")
                .append(category)
                .append('\n')
                .append("order: ")
                .append(order)
                .append('\n')
                .append("updatedAt: ")
                .append(EPOCH.plusDays(random.nextInt(900)))
                .append('\n')
                .append("---\n\n");
        Prose prose = new Prose(random, component);
        out.append(prose.paragraph(2 + random.nextInt(3))).append("\n\n");
        int sections = 3 + random.nextInt(10);
        for (String heading : headings(random, sections, troubleshooting)) {
            out.append("## ").append(heading).append("\n\n");
            section(out, random, prose);
        }
        return new GeneratedArticle(file, out.toString());
    }

    private static String description(SplittableRandom random, String component, boolean troubleshooting) {
        return troubleshooting
                ? "Diagnose and fix " + pick(random, Vocabulary.CAUSES).toLowerCase(Locale.ROOT) + ", "
                        + pick(random, Vocabulary.CAUSES).toLowerCase(Locale.ROOT) + " and other problems with the "
                        + component + "."
                : "Step-by-step instructions for the " + component + " on " + pick(random, Vocabulary.OS) + " and "
                        + pick(random, Vocabulary.OS) + ".";
    }

    private static List<String> headings(SplittableRandom random, int count, boolean troubleshooting) {
        Set<String> headings = new LinkedHashSet<>();
        while (headings.size() < count - 1) {
            headings.add(
                    troubleshooting || random.nextBoolean()
                            ? pick(random, Vocabulary.CAUSES)
                            : capitalize(pick(random, Vocabulary.VERBS)) + " the " + pick(random, Vocabulary.NOUNS));
        }
        headings.add(troubleshooting ? "Still not working?" : "Next steps");
        return List.copyOf(headings);
    }

    private static void section(StringBuilder out, SplittableRandom random, Prose prose) {
        out.append(prose.paragraph(1 + random.nextInt(4))).append("\n\n");
        if (random.nextInt(3) > 0) {
            out.append("**To fix:**\n\n");
            int steps = 2 + random.nextInt(4);
            for (int i = 1; i <= steps; i++) {
                out.append(i).append(". ").append(prose.step()).append('\n');
            }
            out.append('\n');
        }
        switch (random.nextInt(5)) {
            case 0 -> out.append(CodeBlocks.shell(random)).append('\n');
            case 1 -> out.append(CodeBlocks.config(random)).append('\n');
            case 2 ->
                out.append("::callout{type=\"")
                        .append(random.nextBoolean() ? "warning" : "info")
                        .append("\"}\n")
                        .append(prose.sentence())
                        .append("\n::\n\n");
            default -> {
                int items = 2 + random.nextInt(3);
                for (int i = 0; i < items; i++) {
                    out.append("- ").append(prose.sentence()).append('\n');
                }
                out.append('\n');
            }
        }
    }

    static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
