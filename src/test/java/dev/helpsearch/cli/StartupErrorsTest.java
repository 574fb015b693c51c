package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Startup problems through the real launcher, each as one line on stderr with its exit code, and
 * before any slow work: none of these runs creates the index folder or loads the model.
 */
class StartupErrorsTest {

    @TempDir
    Path work;

    private Launcher serve(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--articles",
                "articles",
                "--index",
                work.resolve("index").toString()));
        all.addAll(List.of(args));
        return Launcher.run(all.toArray(String[]::new));
    }

    /** Exactly one line, that line, nothing on stdout, and no work done. */
    private void assertRefused(Launcher run, int exitCode, String line) {
        assertThat(run.err()).as("stderr").isEqualTo("helpsearch: " + line + "\n");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aPortInUseSaysSoBeforeLoadingTheModel() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Launcher run = serve("--port", Integer.toString(port), "--semantic", "on");
            assertRefused(
                    run,
                    3,
                    "port " + port
                            + " is already in use on 127.0.0.1: stop the program using it, or pick another port with "
                            + "--port N (env HELPSEARCH_PORT)");
            assertThat(work.resolve("index")).doesNotExist();
        }
    }

    @Test
    void aBadHostIsNotAPortInUse() throws Exception {
        assertRefused(
                serve("--host", "999.1.1.1"),
                2,
                "--host (env HELPSEARCH_HOST) must be an address of this machine, such as "
                        + "0.0.0.0 (every interface) or 127.0.0.1 (this machine only); '999.1.1.1' is not an address or a known host name");
    }

    @Test
    void anAddressOfAnotherMachineIsRefused() throws Exception {
        assumeTrue(
                !Files.readString(Path.of("/proc/sys/net/ipv4/ip_nonlocal_bind"))
                        .strip()
                        .equals("1"),
                "this machine lets programs bind addresses it does not have (net.ipv4.ip_nonlocal_bind=1)");
        // binding only asks the kernel; nothing is sent to that address
        assertRefused(
                serve("--host", "203.0.113.7"),
                3,
                "--host 203.0.113.7 is not an address of this machine: use 0.0.0.0 (every "
                        + "interface), 127.0.0.1 (this machine only) or one of its own addresses");
    }

    @Test
    void aPortOutOfRange() throws Exception {
        assertRefused(serve("--port", "70000"), 2, "--port must be from 1 to 65535 (0 picks a free port), not 70000");
    }

    @Test
    void aMissingArticlesFolderIsNamedNotAMissingIndex() throws Exception {
        assertRefused(
                serve("--articles", "/nonexistent"),
                3,
                "the articles folder /nonexistent does not exist: point --articles "
                        + "(env HELPSEARCH_ARTICLES) at the folder of your Markdown articles");
    }

    @Test
    void anArticlesPathThatIsAFile() throws Exception {
        Path file = Files.writeString(work.resolve("file.md"), "# Not a folder\n");
        assertRefused(
                serve("--articles", file.toString()),
                3,
                "the articles folder " + file + " is a file, not a folder (--articles DIR, env HELPSEARCH_ARTICLES)");
    }

    @Test
    void anUnreadableArticlesFolder() throws Exception {
        assumeTrue(
                !"root".equals(System.getProperty("user.name")),
                "runs as root, who reads every folder: unreadable articles cannot be made");
        Path articles = Files.createDirectories(work.resolve("locked"));
        Files.setPosixFilePermissions(articles, PosixFilePermissions.fromString("---------"));
        try {
            assertRefused(
                    serve("--articles", articles.toString()),
                    3,
                    "cannot read the articles folder " + articles
                            + ": permission denied; let this user read it, or copy the articles elsewhere (--articles DIR, env HELPSEARCH_ARTICLES)");
        } finally {
            Files.setPosixFilePermissions(articles, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anIndexPathThatIsAFile() throws Exception {
        Path file = Files.writeString(work.resolve("index"), "not an index");
        assertRefused(
                serve(),
                3,
                "the index folder " + file + " is a file, not a folder: remove it, or point --index "
                        + "(env HELPSEARCH_INDEX) elsewhere");
    }

    @Test
    void anUnwritableIndexFolder() throws Exception {
        Path index;
        if ("root".equals(System.getProperty("user.name"))) {
            // root writes through permission bits, but not into sysfs (not permitted, or read-only)
            index = Path.of("/sys/kernel/helpsearch-index");
            assumeTrue(
                    Files.isDirectory(index.getParent()) && !Files.exists(index),
                    "no /sys/kernel to stand for an unwritable folder");
        } else {
            index = Files.createDirectories(work.resolve("read-only"));
            Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        Launcher run = Launcher.run(
                "serve", "--host", "127.0.0.1", "--port", "0", "--articles", "articles", "--index", index.toString());
        assertThat(run.err()).startsWith("helpsearch: cannot write the index folder " + index + " (");
        assertThat(run.err())
                .endsWith("): let this user write it, or point --index (env HELPSEARCH_INDEX) at a writable folder\n");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.exitCode()).isEqualTo(3);
    }

    @Test
    void aSiteUrlThatIsNotAUrl() throws Exception {
        assertRefused(
                serve("--site-url", "notaurl"),
                2,
                "--site-url (env HELPSEARCH_SITE_URL) must be the help center's address, "
                        + "such as https://help.example.com, not 'notaurl'");
    }

    @Test
    void corsOriginsMustBeOrigins() throws Exception {
        for (String bad : List.of("www.example.com", "https://www.example.com/help", "ftp://example.com", "https://")) {
            assertRefused(
                    serve("--cors-origin", bad),
                    2,
                    "--cors-origin (env HELPSEARCH_CORS_ORIGINS) takes origins such as "
                            + "https://www.example.com or http://localhost:3000 (scheme, host, optional port; no path), or * for any origin, not '"
                            + bad + "'");
        }
    }

    @Test
    void aNegativeRateLimit() throws Exception {
        assertRefused(
                serve("--rate-limit", "-1"),
                2,
                "--rate-limit must be 0 (off) or a number of requests a second, not -1");
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        Launcher run = serve("--prot", "80");
        assertThat(run.exitCode()).isEqualTo(2);
        assertRefused(run, 2, "Unknown options: '--prot', '80'; see helpsearch serve --help");
    }
}
