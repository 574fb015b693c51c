package dev.helpsearch.cli;

import dev.helpsearch.article.ArticleLoader;
import dev.helpsearch.article.ArticleProblem;
import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.index.IndexMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "index",
        description = {
            "Index every article under the articles folder into the index folder.",
            "Every article is validated first; with any invalid article the existing index is kept",
            "and the exit code is 1, unless --skip-invalid. The new index replaces the old one",
            "atomically: an interrupted run leaves the previous index intact."})
final class IndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--articles", paramLabel = "DIR", defaultValue = "${env:HELPSEARCH_ARTICLES:-articles}",
            description = "Folder of Markdown articles (default: ${DEFAULT-VALUE}; env HELPSEARCH_ARTICLES).")
    Path articles;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "${env:HELPSEARCH_INDEX:-index}",
            description = "Folder of the index (default: ${DEFAULT-VALUE}; env HELPSEARCH_INDEX).")
    Path index;

    @Option(names = "--skip-invalid", description = "Index the valid articles even when some are invalid.")
    boolean skipInvalid;

    @Option(names = "--include-drafts", description = "Index articles marked draft: true as well.")
    boolean includeDrafts;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        ArticleLoader.Result loaded;
        String fingerprint;
        try {
            fingerprint = ArticleLoader.fingerprint(articles);
            loaded = new ArticleLoader().load(articles, includeDrafts);
        } catch (IOException e) {
            err.println("helpsearch: cannot read articles folder " + articles + ": " + e.getMessage());
            return 1;
        }
        for (ArticleProblem problem : loaded.problems()) {
            err.println(articles.resolve(problem.file()) + ":" + problem.line() + ": " + problem.message());
        }
        if (!loaded.ok() && !skipInvalid) {
            err.println("helpsearch: index not replaced: " + loaded.problems().size()
                    + " invalid article(s); fix them or run with --skip-invalid");
            return 1;
        }
        IndexMetadata metadata;
        try {
            metadata = new IndexBuilder().rebuild(index, loaded.articles(), fingerprint);
        } catch (LockObtainFailedException e) {
            err.println("helpsearch: another indexer is writing " + index + "; the index was not changed");
            return 1;
        } catch (IOException e) {
            err.println("helpsearch: could not write the index to " + index + " (" + e.getMessage()
                    + "); the previous index is unchanged");
            return 1;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        StringBuilder summary = new StringBuilder()
                .append("indexed ").append(metadata.articles()).append(" articles, ")
                .append(metadata.sections()).append(" sections in ").append(millis).append(" ms");
        if (!loaded.problems().isEmpty()) {
            summary.append("; skipped ").append(loaded.problems().size()).append(" invalid");
        }
        if (loaded.skipped() > 0) {
            summary.append("; left out ").append(loaded.skipped()).append(" drafts/redirects");
        }
        summary.append(" (index version ").append(metadata.version()).append(")");
        out.println(summary);
        return 0;
    }
}
