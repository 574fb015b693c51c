package dev.helpsearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Two small valid articles, the smallest help center the command tests index. */
final class SampleArticles {

    private SampleArticles() {}

    /** Writes them under {@code work}/articles and returns that folder. */
    static Path write(Path work) throws IOException {
        Path articles = work.resolve("articles");
        Files.createDirectories(articles.resolve("faq"));
        Files.writeString(
                articles.resolve("faq/01.reset.md"),
                "---\ntitle: Reset your password\n---\n\n## Steps\n\nClick reset.\n");
        Files.writeString(
                articles.resolve("faq/02.billing.md"), "---\ntitle: Billing\n---\n\n## Invoices\n\nDownload them.\n");
        return articles;
    }
}
