package dev.helpsearch.insights;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A retention period as people write it: {@code 90d}, {@code 12w}, {@code 36h}. */
public final class Retention {

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*([hdw])");
    /** Ten years: longer than any reason to keep search logs, and far from overflowing an Instant. */
    public static final Duration MAX = Duration.ofDays(3650);

    private Retention() {}

    /** The period, or an IllegalArgumentException saying what is accepted. */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "a retention is a number of hours, days or weeks, such as 90d, 12w or 36h, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration period = switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (period.isZero() || period.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("a retention must be from 1h to 3650d, not '" + text + "'");
        }
        return period;
    }
}
