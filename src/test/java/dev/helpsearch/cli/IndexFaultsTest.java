package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged or unwritable index, through the real commands: damage is refused with a message that
 * says what to do (never garbage results), `index` rebuilds it, and an index folder that cannot be
 * written is a clear error that leaves the old index answering.
 */
class IndexFaultsTest {

    @TempDir
    Path work;

    private Path articles() throws IOException {
        return SampleArticles.write(work);
    }

    private static CliRun index(Path articles, Path index, String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("index", "--semantic", "off", "--articles", articles.toString(), "--index", index.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static CliRun search(Path index, String query) {
        return CliRun.of("search", "--semantic", "off", "--index", index.toString(), query);
    }

    /** The largest file of the index: a segment's data, where a flipped byte would otherwise go unnoticed. */
    private static Path largestSegmentFile(Path index) throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("segments")
                            && !f.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(f -> f.toFile().length()))
                    .orElseThrow();
        }
    }

    @Test
    void aFlippedByteIsRefusedAndIndexRebuilds() throws IOException {
        Path articles = articles();
        Path index = work.resolve("index");
        assertThat(index(articles, index).exitCode()).isZero();
        assertThat(search(index, "invoices").out()).contains("/faq/billing#invoices");

        Path victim = largestSegmentFile(index);
        try (RandomAccessFile file = new RandomAccessFile(victim.toFile(), "rw")) {
            long at = file.length() / 2;
            file.seek(at);
            int b = file.read();
            file.seek(at);
            file.write(b ^ 0x5A);
        }
        CliRun refused = search(index, "invoices");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.out()).doesNotContain("/faq/billing");
        assertThat(refused.err()).contains("damaged").contains("helpsearch index");

        CliRun rebuilt = index(articles, index, "--full");
        assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
        assertThat(search(index, "invoices").out()).contains("/faq/billing#invoices");
    }

    @Test
    void aTruncatedFileIsRefusedAndIndexRebuildsWithoutFull() throws IOException {
        Path articles = articles();
        Path index = work.resolve("index");
        assertThat(index(articles, index).exitCode()).isZero();

        Path victim = largestSegmentFile(index);
        try (RandomAccessFile file = new RandomAccessFile(victim.toFile(), "rw")) {
            file.setLength(file.length() / 3);
        }
        CliRun refused = search(index, "invoices");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("damaged").contains("helpsearch index");

        CliRun rebuilt = index(articles, index);
        assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
        assertThat(search(index, "invoices").out()).contains("/faq/billing#invoices");
    }

    @Test
    void anIndexPathThatIsAFileIsAClearError() throws IOException {
        Path articles = articles();
        Path index = work.resolve("index");
        Files.writeString(index, "not a folder");
        CliRun run = index(articles, index);
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains(index.toString()).doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(Files.readString(index)).isEqualTo("not a folder");
    }

    @Test
    void anUnwritableIndexFolderIsAClearErrorAndTheOldIndexKeepsAnswering() throws IOException {
        assumeThat(System.getProperty("user.name"))
                .as("permissions mean nothing to root")
                .isNotEqualTo("root");
        Path articles = articles();
        Path index = work.resolve("index");
        assertThat(index(articles, index).exitCode()).isZero();
        Map<String, Long> before = sizes(index);

        Files.writeString(
                articles.resolve("faq/03.vpn.md"), "---\ntitle: VPN\n---\n\n## Split tunnel\n\nRoute some traffic.\n");
        Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            CliRun run = index(articles, index, "--full");
            assertThat(run.exitCode()).isNotZero();
            assertThat(run.err()).contains(index.toString()).doesNotContain("\tat ");
            assertThat(sizes(index)).isEqualTo(before);
            assertThat(search(index, "invoices").out()).contains("/faq/billing#invoices");
        } finally {
            Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static Map<String, Long> sizes(Path index) throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            return files.collect(Collectors.toMap(
                    f -> f.getFileName().toString(), f -> f.toFile().length()));
        }
    }
}
