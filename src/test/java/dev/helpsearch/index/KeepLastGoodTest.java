package dev.helpsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.SearchRequest;
import dev.helpsearch.search.SearchResults;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Urls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watched folder's re-index: one invalid file (half saved, or hostile) is reported and keeps
 * its last good version, while every other edit is applied; the strict re-index keeps refusing.
 */
class KeepLastGoodTest {

    @TempDir
    Path work;

    @Test
    void anInvalidEditKeepsItsLastGoodVersionWhileTheOtherEditsAreApplied() throws IOException {
        Path articles = work.resolve("articles");
        write(
                articles.resolve("faq/01.reset.md"),
                "---\ntitle: Reset your password\n---\n\n## Steps\n\nClick the zebra link.\n");
        write(
                articles.resolve("faq/02.billing.md"),
                "---\ntitle: Billing\n---\n\n## Invoices\n\nInvoices arrive monthly.\n");
        Reindexer reindexer = new Reindexer(articles, work.resolve("index"), false, new IndexBuilder(), metadata -> {});
        assertThat(reindexer.reindex().replaced()).isTrue();

        // the billing article turns invalid (front matter never closed), the reset article is edited,
        // and a new invalid article appears
        write(articles.resolve("faq/02.billing.md"), "---\ntitle: Billing\n\n## Invoices\n\nHalf saved.\n");
        write(
                articles.resolve("faq/01.reset.md"),
                "---\ntitle: Reset your password\n---\n\n## Steps\n\nClick the giraffe link.\n");
        write(articles.resolve("faq/03.broken.md"), "---\ntitle: [unclosed\n---\n\nText.\n");

        Reindexer.Outcome strict = reindexer.reindex();
        assertThat(strict.replaced()).isFalse();

        Reindexer.Outcome kept = reindexer.reindexKeepingLastGood();
        assertThat(kept.replaced()).isTrue();
        assertThat(kept.problems()).extracting(p -> p.file()).containsExactly("faq/02.billing.md", "faq/03.broken.md");
        assertThat(reindexer.lastProblems()).hasSize(2);

        try (LiveIndex live = LiveIndex.open(work.resolve("index"))) {
            HelpSearch search = new HelpSearch(live, Urls.relative());
            assertThat(urls(search.search(SearchRequest.of("giraffe")))).contains("/faq/reset#steps");
            assertThat(search.search(SearchRequest.of("zebra")).total()).isZero();
            // the last good version of the invalid article still answers
            assertThat(urls(search.search(SearchRequest.of("invoices monthly"))))
                    .contains("/faq/billing#invoices");
            assertThat(search.search(SearchRequest.of("half saved")).total()).isZero();
        }

        // once fixed, it is indexed like any edit
        write(
                articles.resolve("faq/02.billing.md"),
                "---\ntitle: Billing\n---\n\n## Invoices\n\nInvoices arrive weekly now.\n");
        Files.delete(articles.resolve("faq/03.broken.md"));
        Reindexer.Outcome fixed = reindexer.reindexKeepingLastGood();
        assertThat(fixed.problems()).isEmpty();
        try (LiveIndex live = LiveIndex.open(work.resolve("index"))) {
            assertThat(urls(new HelpSearch(live, Urls.relative()).search(SearchRequest.of("weekly invoices"))))
                    .contains("/faq/billing#invoices");
        }
    }

    private static java.util.List<String> urls(SearchResults results) {
        return results.hits().stream().map(hit -> hit.url()).toList();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
