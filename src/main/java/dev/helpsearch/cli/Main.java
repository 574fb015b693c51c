package dev.helpsearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code helpsearch} command line. */
@Command(name = "helpsearch",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Full-text search for a Nuxt Content help center, down to the section anchor.",
        subcommands = {ServeCommand.class, IndexCommand.class, SearchCommand.class, EvalCommand.class, ConformanceCommand.class, GenerateCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (0 ok, 1 failed, 2 usage error). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line; tests redirect its output. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"helpsearch " + (version == null ? "(development build)" : version)};
        }
    }
}
