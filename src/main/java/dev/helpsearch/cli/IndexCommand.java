package dev.helpsearch.cli;

import dev.helpsearch.article.ArticleProblem;
import dev.helpsearch.article.markdown.ParseLimits;
import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.index.Reindexer;
import dev.helpsearch.semantic.BgeSmallEmbedder;
import dev.helpsearch.semantic.Embedder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "index",
        description = {
            "Index every article under the articles folder into the index folder.",
            "An existing index is updated in place: only articles added, edited or removed since it was "
                    + "built are parsed and indexed (--full indexes everything anew). Every new or edited article (and "
                    + "synonyms.txt) is validated first; with any invalid one the existing index is kept and the exit "
                    + "code is 1, unless --skip-invalid. The change is atomic: an interrupted run leaves the previous "
                    + "index intact."
        })
final class IndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--articles",
            paramLabel = "DIR",
            defaultValue = "${env:HELPSEARCH_ARTICLES:-articles}",
            description = "Folder of Markdown articles (default: ${DEFAULT-VALUE}; env HELPSEARCH_ARTICLES).")
    Path articles;

    @Option(
            names = "--index",
            paramLabel = "DIR",
            defaultValue = "${env:HELPSEARCH_INDEX:-index}",
            description = "Folder of the index (default: ${DEFAULT-VALUE}; env HELPSEARCH_INDEX).")
    Path index;

    @Option(names = "--skip-invalid", description = "Index the valid articles even when some are invalid.")
    boolean skipInvalid;

    @Option(names = "--include-drafts", description = "Index articles marked draft: true as well.")
    boolean includeDrafts;

    @Option(names = "--full", description = "Index every article anew instead of updating the index in place.")
    boolean full;

    @Mixin
    SemanticOption semantic;

    @Mixin
    ParseLimitsOption parseLimits;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParseLimits limits;
        try {
            limits = parseLimits.limits();
            StartupChecks.articlesFolder(articles);
            StartupChecks.indexFolder(index);
        } catch (StartupChecks.Problem problem) {
            err.println("helpsearch: " + problem.getMessage());
            return problem.exitCode;
        }
        Reindexer.Outcome outcome;
        Embedder embedder = null;
        try {
            if (semantic.enabled) {
                try {
                    embedder = BgeSmallEmbedder.load();
                } catch (RuntimeException | LinkageError e) {
                    err.println("helpsearch: the embedding model could not be loaded (" + e.getMessage()
                            + "); index with --semantic off to index without it");
                    return 1;
                }
            }
            outcome = new Reindexer(articles, index, includeDrafts, new IndexBuilder(embedder), metadata -> {})
                    .withLimits(limits)
                    .withProgress(TerminalProgress.onTerminal(err, "indexing"))
                    .reindex(skipInvalid, full);
        } catch (LockObtainFailedException e) {
            err.println("helpsearch: another indexer is writing " + index + "; the index was not changed");
            return 1;
        } catch (IOException e) {
            err.println("helpsearch: could not index " + articles + " into " + index + " (" + e.getMessage()
                    + "); the previous index is unchanged");
            return 1;
        } finally {
            if (embedder != null) {
                embedder.close();
            }
        }
        for (ArticleProblem problem : outcome.problems()) {
            err.println(articles.resolve(problem.file()) + ":" + problem.line() + ": " + problem.message());
        }
        if (!outcome.replaced()) {
            err.println("helpsearch: index not replaced: " + outcome.problems().size()
                    + " invalid article(s); fix them or run with --skip-invalid");
            return 1;
        }
        StringBuilder summary = new StringBuilder();
        if (outcome.anew()) {
            summary.append("indexed ")
                    .append(outcome.metadata().articles())
                    .append(" articles, ")
                    .append(outcome.metadata().sections())
                    .append(" sections in ")
                    .append(outcome.millis())
                    .append(" ms");
        } else {
            summary.append("updated the index in ")
                    .append(outcome.millis())
                    .append(" ms: ")
                    .append(outcome.changed())
                    .append(" new or edited, ")
                    .append(outcome.removed())
                    .append(" removed; it holds ")
                    .append(outcome.metadata().articles())
                    .append(" articles, ")
                    .append(outcome.metadata().sections())
                    .append(" sections");
        }
        if (!outcome.problems().isEmpty()) {
            summary.append("; skipped ").append(outcome.problems().size()).append(" invalid");
        }
        if (outcome.embedded() + outcome.reused() > 0) {
            summary.append("; embedded ")
                    .append(outcome.embedded())
                    .append(", ")
                    .append(outcome.reused())
                    .append(" unchanged");
        }
        if (outcome.left() > 0) {
            summary.append("; left out ").append(outcome.left()).append(" drafts/redirects");
        }
        summary.append(" (index version ").append(outcome.metadata().version()).append(")");
        out.println(summary);
        return 0;
    }
}
