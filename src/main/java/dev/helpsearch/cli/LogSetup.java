package dev.helpsearch.cli;

import java.util.Locale;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logging is chosen before the first logger exists: logback reads its configuration once, so the
 * --log-format option is taken from the raw arguments, ahead of picocli.
 */
final class LogSetup {

    /** The system property LogConfigurator reads to pick its encoder. */
    static final String FORMAT_PROPERTY = "helpsearch.log.format";

    private LogSetup() {}

    /** Applies the log format and routes java.util.logging (Lucene, ONNX Runtime) to the same log; returns a problem or null. */
    static String configure(String[] args) {
        String format = System.getenv().getOrDefault("HELPSEARCH_LOG_FORMAT", "text");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--log-format") && i + 1 < args.length) {
                format = args[i + 1];
            } else if (args[i].startsWith("--log-format=")) {
                format = args[i].substring("--log-format=".length());
            }
        }
        format = format.strip().toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            return "--log-format (or HELPSEARCH_LOG_FORMAT) must be text or json, not '" + format + "'";
        }
        System.setProperty(FORMAT_PROPERTY, format);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        return null;
    }
}
