package dev.helpsearch.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code helpsearch serve} as a child JVM on the classes this test run compiled, so that it can be
 * signalled, killed and restarted the way an operator's process is.
 */
final class ServeProcess {

    private static final Pattern SERVING = Pattern.compile("http://localhost:(\\d+)/");

    private ServeProcess() {}

    /**
     * @param errorLog   where the server's standard error goes
     * @param jvmOptions options of the child JVM, before the class path
     * @param serveArgs  what follows {@code serve} on its command line
     */
    static Process start(Path errorLog, List<String> jvmOptions, String... serveArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        command.addAll(List.of(serveArgs));
        return new ProcessBuilder(command).redirectError(errorLog.toFile()).start();
    }

    /** The options of a server on a free loopback port over these folders, then {@code more}. */
    static String[] onFreePort(Path articles, Path index, Path data, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--articles",
                articles.toString(),
                "--index",
                index.toString(),
                "--data",
                data.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /**
     * As {@link #onFreePort}, searching by words alone: what most tests of the process need, so
     * each names only what it is about.
     */
    static String[] lexicalOnFreePort(Path articles, Path index, Path data, String... more) {
        List<String> args = new ArrayList<>(List.of("--semantic", "off"));
        args.addAll(List.of(more));
        return onFreePort(articles, index, data, args.toArray(String[]::new));
    }

    /** The port the server says it serves on (it was started on port 0), read from its standard output. */
    static int portOf(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("the server exited before serving");
    }
}
