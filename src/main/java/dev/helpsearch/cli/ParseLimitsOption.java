package dev.helpsearch.cli;

import dev.helpsearch.article.markdown.ParseLimits;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The parse limits of the commands that index: how much work one article may cost before it is reported. */
final class ParseLimitsOption {

    @Option(
            names = "--max-nesting",
            paramLabel = "N",
            defaultValue = "${env:HELPSEARCH_MAX_NESTING:-32}",
            description =
                    "Block quotes, list items and components one block may be nested in (default: ${DEFAULT-VALUE}; env HELPSEARCH_MAX_NESTING).")
    int maxNesting;

    @Option(
            names = "--max-headings",
            paramLabel = "N",
            defaultValue = "${env:HELPSEARCH_MAX_HEADINGS:-2000}",
            description = "Headings in one article (default: ${DEFAULT-VALUE}; env HELPSEARCH_MAX_HEADINGS).")
    int maxHeadings;

    @Option(
            names = "--max-components",
            paramLabel = "N",
            defaultValue = "${env:HELPSEARCH_MAX_COMPONENTS:-5000}",
            description = "MDC components in one article (default: ${DEFAULT-VALUE}; env HELPSEARCH_MAX_COMPONENTS).")
    int maxComponents;

    @Option(
            names = "--parse-budget",
            paramLabel = "TIME",
            defaultValue = "${env:HELPSEARCH_PARSE_BUDGET:-10s}",
            converter = DurationConverter.class,
            description =
                    "Time one article may take to parse, as 500ms, 10s or 1m; a slower one is reported and indexing goes on "
                            + "(default: ${DEFAULT-VALUE}; env HELPSEARCH_PARSE_BUDGET).")
    Duration parseBudget;

    /** The limits, or a usage problem naming the option that is out of range. */
    ParseLimits limits() throws StartupChecks.Problem {
        positive("--max-nesting", maxNesting);
        positive("--max-headings", maxHeadings);
        positive("--max-components", maxComponents);
        return new ParseLimits(maxNesting, maxHeadings, maxComponents, parseBudget);
    }

    private static void positive(String option, int value) throws StartupChecks.Problem {
        if (value < 1) {
            throw new StartupChecks.Problem(ExitCodes.USAGE, option + " must be at least 1, not " + value);
        }
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            try {
                Duration duration;
                if (v.endsWith("ms")) {
                    duration = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                } else if (v.endsWith("s")) {
                    duration = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                } else if (v.endsWith("m")) {
                    duration = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                } else {
                    duration = Duration.ofSeconds(Long.parseLong(v));
                }
                if (duration.isNegative() || duration.isZero()) {
                    throw new TypeConversionException("expected a positive time such as 10s, not '" + value + "'");
                }
                return duration;
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException("expected a time such as 500ms, 10s or 1m, not '" + value + "'");
            }
        }
    }
}
