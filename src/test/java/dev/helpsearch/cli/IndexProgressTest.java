package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `index` through the real launcher: a live progress line on a terminal (a pty from script(1)), one summary line when piped. */
class IndexProgressTest {

    private static final int COUNT = 300;

    @TempDir
    Path work;

    Path articles;

    @BeforeEach
    void corpus() {
        articles = work.resolve("articles");
        assertThat(CliRun.of(
                                "generate",
                                "--articles",
                                articles.toString(),
                                "--count",
                                Integer.toString(COUNT),
                                "--seed",
                                "7")
                        .exitCode())
                .isZero();
    }

    @Test
    void pipedItPrintsOnlyItsSummary() throws Exception {
        Launcher run = Launcher.run(
                "index",
                "--semantic",
                "off",
                "--articles",
                articles.toString(),
                "--index",
                work.resolve("index").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .matches("indexed " + COUNT + " articles, \\d+ sections in \\d+ ms \\(index version 1\\)\\n");
    }

    @Test
    void onATerminalItShowsArticlesDoneRateAndTimeLeft() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/script")),
                "no script(1) (util-linux) to run the launcher on a terminal");
        String command = "bash " + Path.of("helpsearch").toAbsolutePath() + " index --semantic off --articles "
                + articles + " --index " + work.resolve("index");
        Path typescript = work.resolve("terminal.txt");
        ProcessBuilder builder = new ProcessBuilder(List.of("/usr/bin/script", "-qec", command, "/dev/null"))
                .redirectOutput(typescript.toFile())
                .redirectErrorStream(true);
        builder.environment().put("HELPSEARCH_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("HELPSEARCH_JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String screen = Files.readString(typescript);
        assertThat(process.exitValue()).as(screen).isZero();

        assertThat(screen).contains("\r\u001b[Kindexing 0 of " + COUNT + " articles");
        assertThat(screen)
                .containsPattern(
                        "\r\u001b\\[Kindexing \\d+ of " + COUNT + " articles, [\\d,]+ a second, about [\\d a-z]+ left");
        assertThat(screen).contains("indexing " + COUNT + " of " + COUNT + " articles");
        // the progress line is wiped, leaving the summary alone on its line
        assertThat(screen)
                .containsPattern("\r\u001b\\[Kindexed " + COUNT
                        + " articles, \\d+ sections in \\d+ ms \\(index version 1\\)\r?\n");
    }
}
