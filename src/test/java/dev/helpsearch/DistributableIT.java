package dev.helpsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributable as a user gets it: the tarball `mvn package` wrote, unpacked into an empty
 * folder far from the source tree, started with its own script and a JDK, with a Maven on the
 * PATH that fails if anything calls it. It must answer a real query from its bundled articles.
 */
class DistributableIT {

    private static final Pattern SERVING = Pattern.compile("http://localhost:(\\d+)/");

    @TempDir
    Path work;

    Path home;
    Path bin;

    @BeforeEach
    void unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("helpsearch.dist", "target/helpsearch.tar.gz"));
        assertThat(tarball).as("mvn package writes the distributable").exists();
        Path empty = Files.createDirectories(work.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toAbsolutePath().toString(), "-C", empty.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue())
                .as(new String(tar.getInputStream().readAllBytes()))
                .isZero();
        home = empty.resolve("helpsearch-" + System.getProperty("helpsearch.version"));
        assertThat(home.resolve("helpsearch")).isExecutable();
        assertThat(home.resolve("pom.xml")).doesNotExist();
        bin = Files.createDirectories(work.resolve("bin"));
        Path mvn =
                Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho 'the distributable called mvn' >&2\nexit 99\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private ProcessBuilder launcher(String... args) {
        List<String> command =
                new java.util.ArrayList<>(List.of(home.resolve("helpsearch").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("HELPSEARCH_") || name.equals("JAVA_HOME"));
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        // as a user would: JAVA_HOME names the JDK (the launcher would also find one by itself)
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    @Test
    void versionNamesTheBuild() throws Exception {
        Process version = launcher("--version").redirectErrorStream(true).start();
        assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(version.getInputStream().readAllBytes());
        assertThat(version.exitValue()).as(out).isZero();
        assertThat(out).startsWith("helpsearch " + System.getProperty("helpsearch.version") + " (commit ");
    }

    @Test
    void unpackedItServesTheBundledArticlesAndAnswers() throws Exception {
        Path out = work.resolve("out");
        Path err = work.resolve("err");
        Process server = launcher("serve", "--host", "127.0.0.1", "--port", "0")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            int port = -1;
            while (port < 0 && server.isAlive() && System.nanoTime() < deadline) {
                Matcher serving = SERVING.matcher(Files.readString(out));
                if (serving.find()) {
                    port = Integer.parseInt(serving.group(1));
                } else {
                    Thread.sleep(100);
                }
            }
            assertThat(port)
                    .as("the server started; stderr:\n" + Files.readString(err))
                    .isPositive();
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + port + "/api/search?q=port+18789+already+in+use"))
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"url\":\"/troubleshooting/gateway-fails-to-start#port-conflict\"");
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isZero();
        } finally {
            server.destroyForcibly();
        }
        String log = Files.readString(err);
        assertThat(log).doesNotContain("called mvn").doesNotContain("building").doesNotContain("WARNING");
        assertThat(home.resolve("index")).isDirectory();
    }
}
