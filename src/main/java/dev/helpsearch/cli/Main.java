package dev.helpsearch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code helpsearch} command line. */
@Command(
        name = "helpsearch",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Full-text search for a Nuxt Content help center, down to the section anchor.",
        footer = {
            "",
            "Exit codes: 0 done, 1 the work failed (invalid articles, damaged index), 2 bad command line or option value, "
                    + "3 the machine refused (port in use, address not here, folder missing, unreadable or unwritable)."
        },
        subcommands = {
            ServeCommand.class,
            IndexCommand.class,
            SearchCommand.class,
            InsightsCommand.class,
            EvalCommand.class,
            ConformanceCommand.class,
            GenerateCommand.class,
            LauncherCommands.Test.class,
            LauncherCommands.Build.class,
            LauncherCommands.Dist.class,
            LauncherCommands.JavaHome.class,
            CommandLine.HelpCommand.class
        })
public final class Main {

    // Read by LogSetup from the raw arguments before any logger exists (logback picks its
    // appender once, at start); declared here so that every command accepts it and --help shows it.
    @Option(
            names = "--log-format",
            paramLabel = "text|json",
            scope = ScopeType.INHERIT,
            defaultValue = "${env:HELPSEARCH_LOG_FORMAT:-text}",
            description =
                    "Log lines as text or as one JSON object a line (default: ${DEFAULT-VALUE}; env HELPSEARCH_LOG_FORMAT).")
    String logFormat;

    public static void main(String[] args) {
        String problem = LogSetup.configure(args);
        if (problem != null) {
            System.err.println("helpsearch: " + problem);
            System.exit(ExitCodes.USAGE);
        }
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code ({@link ExitCodes}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line; tests redirect its output. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                // the last of a repeated option wins, so a script can add to a command line it was given
                .setOverwrittenOptionsAllowed(true)
                .setParameterExceptionHandler(Main::usageError);
        // every command, present and future, answers --help and --version without having to remember to
        for (CommandLine sub : cli.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)
                    && spec.optionsMap().get("--help") == null) {
                spec.mixinStandardHelpOptions(true);
                spec.versionProvider(new Version());
            }
        }
        return cli;
    }

    /** One line naming the mistake and where the right usage is, instead of the whole help screen. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        StringBuilder line = new StringBuilder("helpsearch: ").append(e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            line.append(" (did you mean ")
                    .append(String.join(
                            " or ", unmatched.getSuggestions().stream().limit(3).toList()))
                    .append("?)");
        }
        String command = where.getCommandSpec().qualifiedName();
        line.append("; see ").append(command).append(" --help");
        where.getErr().println(line);
        return ExitCodes.USAGE;
    }

    /** The project version and the commit it was built from, as the build wrote them. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {describe()};
        }

        static String describe() {
            Properties props = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/dev/helpsearch/version.properties")) {
                if (in != null) {
                    props.load(in);
                }
            } catch (IOException e) {
                // reported below as an unknown build
            }
            String version = known(props.getProperty("version"));
            String commit = known(props.getProperty("commit"));
            if (version == null) {
                return "helpsearch (development build: run ./helpsearch build)";
            }
            String built = commit == null
                    ? "commit unknown (built outside git)"
                    : "commit " + commit
                            + ("true".equals(props.getProperty("dirty", "").toLowerCase(Locale.ROOT))
                                    ? " with uncommitted changes"
                                    : "");
            return "helpsearch " + version + " (" + built + ")";
        }

        /** Null for a value the build did not fill in (an unfiltered placeholder). */
        private static String known(String value) {
            return value == null || value.isBlank() || value.contains("${") ? null : value.strip();
        }
    }
}
