package dev.helpsearch.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * One line per event on stderr, in one format for everything (java.util.logging is bridged in,
 * see {@link LogSetup}): text, or JSON lines for log collectors. Set up in code, found by
 * logback through the ServiceLoader, because reading an XML configuration took a fifth of the
 * server's start. {@code HELPSEARCH_LOG_LEVEL=debug} for more.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** The level of the request log's logger, {@code helpsearch.requests}; INFO when unset. */
    static final String REQUEST_LOG_PROPERTY = "helpsearch.request.log";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        // without it every java.util.logging call is turned into an event first, then filtered
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        context.addListener(propagator);
        propagator.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder(context, System.getProperty(LogSetup.FORMAT_PROPERTY, "text")));
        console.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv().getOrDefault("HELPSEARCH_LOG_LEVEL", "INFO"), Level.INFO));
        root.addAppender(console);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("io.javalin").setLevel(Level.WARN);
        // Lucene says at start whether the JDK's incubating vector API is in use; the launcher
        // decides that (HELPSEARCH_VECTOR_API), so the line is only noise
        context.getLogger("org.apache.lucene.internal.vectorization").setLevel(Level.ERROR);
        // the line per HTTP request; the tests turn it down (100,000 hostile queries would bury failures)
        String requests = System.getProperty(REQUEST_LOG_PROPERTY);
        if (requests != null) {
            context.getLogger("helpsearch.requests").setLevel(Level.toLevel(requests, Level.INFO));
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
        if (format.equals("json")) {
            // timestamp, level, threadName, loggerName, formattedMessage, mdc, throwable
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithArguments(false);
            json.setWithMessage(false);
            json.setWithFormattedMessage(true);
            json.start();
            return json;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        text.start();
        return text;
    }
}
