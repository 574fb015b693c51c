package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command explains itself; the launcher's own commands are on the same help screens. */
class HelpAndVersionTest {

    static Stream<String> commands() {
        return Main.commandLine().getSubcommands().keySet().stream().filter(name -> !name.equals("help"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandTakesHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: helpsearch " + command);
        assertThat(run.err()).isEmpty();
        assertThat(CliRun.of("help", command).out()).isEqualTo(run.out());
    }

    @Test
    void theLaunchersHelpListsEveryCommandItsOwnIncluded() throws Exception {
        Launcher help = Launcher.run("--help");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.err()).isEmpty();
        for (String command : List.of(
                "serve",
                "index",
                "search",
                "insights",
                "eval",
                "generate",
                "conformance",
                "test",
                "build",
                "dist",
                "java-home")) {
            assertThat(help.out()).as(command).containsPattern("(?m)^  " + Pattern.quote(command) + " ");
        }
        assertThat(help.out()).contains("Exit codes:");

        Launcher helpTest = Launcher.run("help", "test");
        assertThat(helpTest.exitCode()).isZero();
        assertThat(helpTest.out()).startsWith("Usage: helpsearch test").contains("mvn verify");
        Launcher testHelp = Launcher.run("test", "--help");
        assertThat(testHelp.exitCode()).isZero();
        assertThat(testHelp.out()).isEqualTo(helpTest.out());
    }

    @Test
    void versionNamesTheProjectVersionAndCommit() throws Exception {
        Matcher pom = Pattern.compile("<artifactId>helpsearch</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(pom.find()).isTrue();
        String expected = "helpsearch " + pom.group(1) + " (commit ";
        String head = git("rev-parse", "--short=7", "HEAD");

        CliRun version = CliRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out().strip()).startsWith(expected + head);
        assertThat(CliRun.of("serve", "--version").out()).isEqualTo(version.out());

        Launcher launched = Launcher.run("--version");
        assertThat(launched.out()).isEqualTo(version.out());
        assertThat(launched.err()).isEmpty();
    }

    @Test
    void launcherOnlyCommandsRunThroughJavaSayWhereTheyLive() {
        CliRun run = CliRun.of("test");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo(
                        "helpsearch: `test` is run by the ./helpsearch script in a source checkout, not by the jar: run ./helpsearch test");
    }

    @Test
    void anUnknownLogFormatIsOneLine() throws Exception {
        Launcher run = Launcher.run("--log-format", "xml", "index");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("helpsearch: --log-format (or HELPSEARCH_LOG_FORMAT) must be text or json, not 'xml'\n");
    }

    private static String git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }
}
