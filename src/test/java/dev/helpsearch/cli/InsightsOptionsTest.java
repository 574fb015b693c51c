package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The insights options are listed in serve --help, and a bad value is a one-line usage error (exit 2). */
class InsightsOptionsTest {

    @Test
    void serveHelpListsTheInsightsOptions() {
        CliRun help = CliRun.of("serve", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("--data=DIR")
                .contains("HELPSEARCH_DATA")
                .contains("--insights=on|off")
                .contains("--insights-retention=PERIOD")
                .contains("--insights-max-rows=N");
        assertThat(CliRun.of("insights", "--help").out()).contains("--days=N").contains("--csv=queries|gaps|articles");
    }

    @Test
    void badInsightsValuesAreUsageErrors() {
        CliRun retention = CliRun.of("serve", "--insights-retention", "forever", "--port", "0");
        assertThat(retention.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(retention.err().strip())
                .startsWith("helpsearch: --insights-retention (env HELPSEARCH_INSIGHTS_RETENTION): ")
                .doesNotContain("\n");
        CliRun rows = CliRun.of("serve", "--insights-max-rows", "0", "--port", "0");
        assertThat(rows.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun onOff = CliRun.of("serve", "--insights", "maybe");
        assertThat(onOff.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun days = CliRun.of("insights", "--days", "0");
        assertThat(days.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
