package dev.helpsearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The commands the {@code ./helpsearch} launcher script runs itself (they need Maven or the
 * script's own JDK search, not the JVM). They are declared here too so that {@code --help} and
 * {@code help COMMAND} list and explain every command in one place; run through Java directly,
 * they say where they live.
 */
final class LauncherCommands {

    private LauncherCommands() {}

    @Command
    abstract static class ScriptOnly implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine()
                    .getErr()
                    .println("helpsearch: `" + spec.name()
                            + "` is run by the ./helpsearch script in a source checkout, not by the jar: run ./helpsearch "
                            + spec.name());
            return ExitCodes.USAGE;
        }
    }

    @Command(
            name = "test",
            description = {
                "Run every test: unit, index, HTTP, command-line, distributable and browser tests (what CI runs).",
                "Launcher only: runs `mvn verify` with the JDK the launcher found; extra arguments go to Maven "
                        + "(./helpsearch test -Dtest=ApiServerTest)."
            })
    static final class Test extends ScriptOnly {}

    @Command(
            name = "build",
            description =
                    "Build target/helpsearch.jar and its libraries (launcher only; other commands build when the sources changed).")
    static final class Build extends ScriptOnly {}

    @Command(
            name = "dist",
            description = {
                "Build the distributable: target/helpsearch-VERSION.tar.gz, which runs with only a JDK or JRE 21+ (no Maven).",
                "Launcher only."
            })
    static final class Dist extends ScriptOnly {}

    @Command(
            name = "java-home",
            description = "Print the JDK 21+ the launcher runs (launcher only; for scripts such as bench/run).")
    static final class JavaHome extends ScriptOnly {}
}
