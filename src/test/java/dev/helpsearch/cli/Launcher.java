package dev.helpsearch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real ./helpsearch script as a child process, on the classes this test run compiled
 * (HELPSEARCH_CLASSPATH) and the JDK running the tests: what a user's shell would see.
 */
record Launcher(int exitCode, String out, String err, long millis) {

    static Launcher run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("launcher");
        List<String> command = new ArrayList<>(
                List.of("bash", Path.of("helpsearch").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(work.resolve("out").toFile())
                .redirectError(work.resolve("err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("HELPSEARCH_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("HELPSEARCH_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("HELPSEARCH_LOG_FORMAT");
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./helpsearch " + String.join(" ", args) + " did not finish in 120 s");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Launcher(
                process.exitValue(),
                Files.readString(work.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(work.resolve("err"), StandardCharsets.UTF_8),
                millis);
    }

    static Launcher run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }
}
