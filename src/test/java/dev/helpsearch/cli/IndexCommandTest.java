package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.index.IndexFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {

    @TempDir
    Path work;

    private Path articles() throws IOException {
        return SampleArticles.write(work);
    }

    private int docs(Path index) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            return reader.numDocs();
        }
    }

    @Test
    void indexesAndPrintsAOneLineSummary() throws IOException {
        Path index = work.resolve("index");
        CliRun run = CliRun.of(
                "index", "--semantic", "off", "--articles", articles().toString(), "--index", index.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("indexed 2 articles, 2 sections in \\d+ ms \\(index version 1\\)\\R");
        assertThat(docs(index)).isEqualTo(4);
    }

    @Test
    void anInvalidArticleKeepsTheOldIndexAndFails() throws IOException {
        Path articles = articles();
        Path index = work.resolve("index");
        assertThat(indexLexically(articles, index).exitCode()).isZero();

        Files.writeString(articles.resolve("faq/03.broken.md"), "---\ntitle: [oops\n---\n\nBody.\n");
        Files.delete(articles.resolve("faq/02.billing.md"));
        CliRun run = indexLexically(articles, index);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(articles.resolve("faq/03.broken.md") + ":2: malformed YAML front matter")
                .contains("index not replaced: 1 invalid article(s)");
        assertThat(docs(index)).isEqualTo(4);
    }

    @Test
    void skipInvalidIndexesTheRestAndSaysHowManyItSkipped() throws IOException {
        Path articles = articles();
        Files.writeString(articles.resolve("faq/03.broken.md"), "no title at all\n");
        Path index = work.resolve("index");
        CliRun run = indexLexically(articles, index, "--skip-invalid");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("03.broken.md:1: missing title");
        assertThat(run.out()).contains("indexed 2 articles").contains("skipped 1 invalid");
    }

    @Test
    void aSecondRunUpdatesOnlyWhatChanged() throws IOException {
        Path articles = articles();
        Path index = work.resolve("index");
        assertThat(indexLexically(articles, index).exitCode()).isZero();

        Files.writeString(
                articles.resolve("faq/02.billing.md"), "---\ntitle: Billing\n---\n\n## Refunds\n\nAsk for a refund.\n");
        Files.writeString(
                articles.resolve("faq/03.vpn.md"), "---\ntitle: VPN\n---\n\n## Split tunnel\n\nRoute the office.\n");
        Files.delete(articles.resolve("faq/01.reset.md"));
        CliRun run = indexLexically(articles, index);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .matches("updated the index in \\d+ ms: 2 new or edited, 1 removed; it holds 2 articles, 2 sections"
                        + " \\(index version 2\\)\\R");
        assertThat(docs(index)).isEqualTo(4);
        assertThat(count(index, IndexFields.URL, "/faq/reset")).isZero();
        assertThat(count(index, IndexFields.URL, "/faq/billing#invoices")).isZero();
        assertThat(count(index, IndexFields.URL, "/faq/billing#refunds")).isEqualTo(1);
        assertThat(count(index, IndexFields.URL, "/faq/vpn#split-tunnel")).isEqualTo(1);

        CliRun unchanged = indexLexically(articles, index);
        assertThat(unchanged.out()).contains("0 new or edited, 0 removed").contains("(index version 3)");
    }

    @Test
    void aFileWithItsSizeAndTimeUnchangedIsNotReadAgain() throws IOException {
        Path articles = articles();
        Path index = work.resolve("index");
        String[] run = {"index", "--semantic", "off", "--articles", articles.toString(), "--index", index.toString()};
        assertThat(CliRun.of(run).exitCode()).isZero();
        Path billing = articles.resolve("faq/02.billing.md");
        FileTime indexedAt = Files.getLastModifiedTime(billing);

        // same size, same time: trusted as unchanged, as make and rsync would
        Files.writeString(billing, "---\ntitle: Billing\n---\n\n## Receipts\n\nDownload them.\n");
        Files.setLastModifiedTime(billing, indexedAt);
        assertThat(CliRun.of(run).out()).contains("0 new or edited");
        assertThat(count(index, IndexFields.URL, "/faq/billing#invoices")).isEqualTo(1);

        // a new time: read again, and its new text indexed
        Files.setLastModifiedTime(billing, FileTime.fromMillis(indexedAt.toMillis() + 5_000));
        assertThat(CliRun.of(run).out()).contains("1 new or edited");
        assertThat(count(index, IndexFields.URL, "/faq/billing#receipts")).isEqualTo(1);

        // touched but not edited: read again, found unchanged, not indexed again
        Path reset = articles.resolve("faq/01.reset.md");
        Files.setLastModifiedTime(
                reset, FileTime.fromMillis(Files.getLastModifiedTime(reset).toMillis() + 5_000));
        assertThat(CliRun.of(run).out()).contains("0 new or edited");
    }

    @Test
    void fullIndexesEverythingAnew() throws IOException {
        Path articles = articles();
        Path index = work.resolve("index");
        assertThat(indexLexically(articles, index).exitCode()).isZero();
        CliRun run = indexLexically(articles, index, "--full");
        assertThat(run.out()).matches("indexed 2 articles, 2 sections in \\d+ ms \\(index version 2\\)\\R");
        assertThat(docs(index)).isEqualTo(4);
    }

    @Test
    void aNewFileTakingTheUnchangedPathOfAnotherIsADuplicate() throws IOException {
        Path articles = articles();
        Path index = work.resolve("index");
        assertThat(indexLexically(articles, index).exitCode()).isZero();

        Files.writeString(articles.resolve("faq/03.other.md"), "---\ntitle: Other\npath: /faq/reset\n---\n\nBody.\n");
        CliRun run = indexLexically(articles, index);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("03.other.md:1: duplicate path /faq/reset: faq/01.reset.md has the same path");
        assertThat(docs(index)).isEqualTo(4);
    }

    @Test
    void switchingDraftsOnIndexesAnew() throws IOException {
        Path articles = articles();
        Files.writeString(articles.resolve("faq/03.soon.md"), "---\ntitle: Coming soon\ndraft: true\n---\n\nBody.\n");
        Path index = work.resolve("index");
        assertThat(indexLexically(articles, index).out())
                .contains("indexed 2 articles")
                .contains("left out 1 drafts/redirects");
        CliRun run = indexLexically(articles, index, "--include-drafts");
        assertThat(run.out()).startsWith("indexed 3 articles");
    }

    private static int count(Path index, String field, String value) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(field, value)));
        }
    }

    @Test
    void aMissingArticlesFolderIsAClearError() {
        CliRun run = CliRun.of(
                "index",
                "--semantic",
                "off",
                "--articles",
                work.resolve("nope").toString(),
                "--index",
                work.resolve("i").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err())
                .isEqualTo(
                        "helpsearch: the articles folder " + work.resolve("nope")
                                + " does not exist: point --articles (env HELPSEARCH_ARTICLES) at the folder of your Markdown articles\n");
    }

    /** {@code helpsearch index --semantic off} of these articles into this index, with any further options. */
    private static CliRun indexLexically(Path articles, Path index, String... options) {
        List<String> args = new ArrayList<>(
                List.of("index", "--semantic", "off", "--articles", articles.toString(), "--index", index.toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }
}
