package dev.helpsearch.index;

import dev.helpsearch.article.ArticleLoader;
import dev.helpsearch.article.ArticleParser;
import dev.helpsearch.article.ArticleProblem;
import dev.helpsearch.article.markdown.ParseLimits;
import dev.helpsearch.semantic.Embedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Keeps an index in step with its articles folder: validates every new or edited article and the
 * synonyms, and only when all are valid (or invalid ones may be skipped) updates the index and
 * tells the listener, so a running server switches to it. One run at a time; a failed run leaves
 * the last good index serving.
 */
public final class Reindexer {

    private final Path articles;
    private final Path index;
    private final boolean includeDrafts;
    private final IndexBuilder builder;
    private final Consumer<IndexMetadata> onCommit;
    private volatile Progress progress = Progress.NONE;
    private volatile ParseLimits limits = ParseLimits.DEFAULT;
    private volatile List<ArticleProblem> lastProblems = List.of();

    /** Told how far a run has got, for a progress display; called from the indexing threads. */
    public interface Progress {
        Progress NONE = new Progress() {};

        /** Before the first article: how many will be parsed and indexed (only new and edited ones when updating). */
        default void started(int total) {}

        /** After each article is indexed, with how many are done. */
        default void advanced(int done) {}

        /** When the run is over, committed or not. */
        default void finished() {}
    }

    /**
     * @param replaced true when a new index was committed
     * @param metadata the new index's metadata, or null when none was committed
     * @param problems the invalid articles (and synonyms), which stopped the run unless skipped
     * @param left     valid articles deliberately left out: drafts and redirects
     * @param changed  articles (re)indexed: all of them when indexing anew, else the new and edited ones
     * @param removed  articles taken out of the index because their file is gone (or now invalid)
     * @param anew     true when the index was written from scratch rather than updated in place
     * @param embedded documents the embedding model read (0 without vectors)
     * @param reused   documents whose vector was already known from the previous index
     */
    public record Outcome(
            boolean replaced,
            IndexMetadata metadata,
            List<ArticleProblem> problems,
            int left,
            int changed,
            int removed,
            boolean anew,
            int embedded,
            int reused,
            long millis) {
        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    public Reindexer(
            Path articles, Path index, boolean includeDrafts, IndexBuilder builder, Consumer<IndexMetadata> onCommit) {
        this.articles = articles;
        this.index = index;
        this.includeDrafts = includeDrafts;
        this.builder = builder;
        this.onCommit = onCommit;
    }

    /** Reports the progress of every later run to {@code progress}. */
    public Reindexer withProgress(Progress progress) {
        this.progress = progress == null ? Progress.NONE : progress;
        return this;
    }

    /** Parses every later run's articles within {@code limits}. */
    public Reindexer withLimits(ParseLimits limits) {
        this.limits = limits;
        return this;
    }

    /**
     * The problems of the latest run that got as far as validating the articles, empty when it had
     * none: what a health check shows while the last good index keeps serving.
     */
    public List<ArticleProblem> lastProblems() {
        return lastProblems;
    }

    public Path articles() {
        return articles;
    }

    /** Rebuilds from the articles folder unless something in it is invalid. */
    public Outcome reindex() throws IOException {
        return reindex(false);
    }

    /** Brings the index up to date; with {@code skipInvalid} the invalid articles are left out instead. */
    public Outcome reindex(boolean skipInvalid) throws IOException {
        return reindex(skipInvalid, false);
    }

    /**
     * Brings the index up to date with the articles folder: in place, parsing and indexing only
     * the articles added, edited or removed since it was built, or with {@code fromScratch} (and
     * whenever the index cannot be updated: missing, damaged, of another layout) anew.
     */
    public synchronized Outcome reindex(boolean skipInvalid, boolean fromScratch) throws IOException {
        return run(skipInvalid, fromScratch, false);
    }

    /**
     * For changes nobody stands by to fix ({@code serve --watch}): every valid change is applied,
     * and an invalid article is reported and keeps its last good version in the index (a new one
     * stays out), as do the editors' synonyms when synonyms.txt is invalid. A half-saved or
     * hostile file then holds back neither the rest of the help center nor its own readers.
     */
    public synchronized Outcome reindexKeepingLastGood() throws IOException {
        return run(true, false, true);
    }

    private Outcome run(boolean skipInvalid, boolean fromScratch, boolean keepLastGood) throws IOException {
        Progress progress = this.progress;
        try {
            Outcome outcome = reindex(skipInvalid, fromScratch, keepLastGood, progress);
            lastProblems = outcome.problems();
            return outcome;
        } finally {
            progress.finished();
        }
    }

    private Outcome reindex(boolean skipInvalid, boolean fromScratch, boolean keepLastGood, Progress progress)
            throws IOException {
        long start = System.nanoTime();
        String fingerprint = ArticleLoader.fingerprint(articles);
        // one model for the whole run, even if one finishes loading meanwhile
        Embedder embedder = builder.currentEmbedder();
        Optional<Map<String, ArticleLoader.Indexed>> indexed =
                fromScratch ? Optional.empty() : builder.indexedFiles(index, includeDrafts, embedder);
        ArticleLoader loader = new ArticleLoader(new ArticleParser(limits));
        ArticleLoader.Scan scanned = loader.scan(articles, includeDrafts, indexed.orElse(Map.of()));
        ArticleLoader.Scan scan = keepLastGood
                ? withoutInvalid(loader, scanned, indexed.orElse(Map.of()).keySet())
                : scanned;
        IndexMetadata previous = keepLastGood ? metadata() : null;
        List<ArticleProblem> problems = new ArrayList<>();
        String synonyms = Synonyms.read(articles);
        try {
            Synonyms.validate(synonyms);
        } catch (Synonyms.InvalidSynonymsException e) {
            problems.add(new ArticleProblem(Synonyms.FILE_NAME, e.line(), e.getMessage()));
            synonyms = previous == null ? "" : previous.synonyms();
        }
        IndexMetadata metadata;
        int changed;
        int removed;
        int embedded;
        int reused;
        try (IndexBuilder.Update update = builder.begin(index, indexed.isEmpty(), embedder)) {
            // what the index holds that is not staying as it is: files gone, edited, or now invalid
            Set<String> unchanged = new HashSet<>(scan.unchanged());
            Set<String> stale = new HashSet<>();
            indexed.orElse(Map.of()).forEach((file, held) -> {
                if (!unchanged.contains(file)) {
                    stale.add(held.path());
                }
            });
            for (String path : stale) {
                update.remove(path);
            }
            Set<String> added = ConcurrentHashMap.newKeySet();
            List<ArticleProblem> invalid = new ArrayList<>(scan.problems());
            AtomicInteger done = new AtomicInteger();
            progress.started(scan.toParse().size());
            invalid.addAll(loader.parse(scan, article -> {
                update.add(article, scan.stamps().getOrDefault(article.file(), ""));
                added.add(article.path());
                progress.advanced(done.incrementAndGet());
            }));
            for (ArticleLoader.Redirect redirect : scan.redirects()) {
                update.addRedirect(redirect);
                added.add(redirect.path());
            }
            invalid.sort(Comparator.comparing(ArticleProblem::file).thenComparingInt(ArticleProblem::line));
            problems.addAll(invalid);
            if (!problems.isEmpty() && !skipInvalid) {
                return new Outcome(false, null, problems, scan.skipped(), 0, 0, false, 0, 0, millisSince(start));
            }
            metadata = update.commit(synonyms, fingerprint, includeDrafts);
            stale.removeAll(added);
            changed = added.size();
            removed = stale.size();
            embedded = update.embedded();
            reused = update.reused();
        }
        onCommit.accept(metadata);
        return new Outcome(
                true,
                metadata,
                problems,
                scan.skipped(),
                changed,
                removed,
                indexed.isEmpty(),
                embedded,
                reused,
                millisSince(start));
    }

    /**
     * The scan with its invalid files set aside: parsed once to find them (within the parse
     * limits, so a hostile file costs at most its budget), then those the index holds are treated as
     * unchanged, keeping their last good version, and the others are left out. Their problems
     * stay in the scan, to be reported.
     */
    private static ArticleLoader.Scan withoutInvalid(
            ArticleLoader loader, ArticleLoader.Scan scan, Set<String> indexedFiles) {
        List<ArticleProblem> problems = new ArrayList<>(scan.problems());
        problems.addAll(loader.parse(scan, article -> {}));
        Set<String> invalid = new HashSet<>();
        problems.forEach(problem -> invalid.add(problem.file()));
        List<String> toParse =
                scan.toParse().stream().filter(file -> !invalid.contains(file)).toList();
        List<String> unchanged = new ArrayList<>(scan.unchanged());
        invalid.stream().filter(indexedFiles::contains).sorted().forEach(unchanged::add);
        return new ArticleLoader.Scan(
                scan.root(), toParse, unchanged, problems, scan.skipped(), scan.stamps(), scan.redirects());
    }

    /** True when there is no index to serve: missing, unreadable, or of a layout this build does not read. */
    public boolean isMissing() {
        return metadata() == null;
    }

    /**
     * True when the index is missing or unusable, was built from other versions of the article
     * files than those in the folder now, or lacks the vectors of the model now at hand.
     */
    public boolean isStale() throws IOException {
        IndexMetadata metadata = metadata();
        if (metadata == null || !metadata.sources().equals(ArticleLoader.fingerprint(articles))) {
            return true;
        }
        Embedder embedder = builder.currentEmbedder();
        return embedder != null && !metadata.embedder().equals(embedder.modelId());
    }

    private IndexMetadata metadata() {
        if (!Files.isDirectory(index)) {
            return null;
        }
        try (Directory directory = FSDirectory.open(index)) {
            IndexMetadata metadata = IndexMetadata.latest(directory);
            return metadata == null || !metadata.isCurrentLayout() ? null : metadata;
        } catch (IOException e) {
            return null;
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
