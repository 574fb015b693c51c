package dev.helpsearch.app;

import dev.helpsearch.article.ArticleProblem;
import dev.helpsearch.article.markdown.ParseLimits;
import dev.helpsearch.index.ArticlesWatcher;
import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.index.Reindexer;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.core.IndexUnavailableException;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.core.Urls;
import dev.helpsearch.search.rank.QueryVectors;
import dev.helpsearch.search.rank.SemanticModel;
import dev.helpsearch.semantic.BgeSmallEmbedder;
import dev.helpsearch.semantic.Embedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The help center opened and wired in one place: the embedding model, the indexer, the live
 * index and the search core over it, and, when serving, the refresher that switches to every new
 * index and the folder watcher. {@code serve}, {@code search}, {@code eval} and the benchmarks all
 * open it here, so that what they measure is what the service runs.
 */
public final class HelpCenter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HelpCenter.class);
    private static final Duration REFRESH_EVERY = Duration.ofMillis(500);
    /** How long a first start waits for the model before it indexes without vectors. */
    private static final Duration MODEL_PATIENCE = Duration.ofSeconds(60);
    /** A burst of saves in an editor is one change. */
    private static final Duration WATCH_SETTLE = Duration.ofMillis(300);

    /**
     * Where the help center is and how it is searched.
     *
     * @param queryVectorCache query vectors remembered ({@link QueryVectors})
     */
    public record Setup(
            Path articles,
            Path index,
            boolean includeDrafts,
            ParseLimits limits,
            Urls urls,
            Ranking ranking,
            double answerThreshold,
            int queryVectorCache) {

        /** The defaults: drafts left out, the default limits, relative urls, the shipped ranking. */
        public static Setup of(Path articles, Path index) {
            return new Setup(
                    articles,
                    index,
                    false,
                    ParseLimits.DEFAULT,
                    Urls.relative(),
                    Ranking.defaults(),
                    HelpSearch.DEFAULT_ANSWER_THRESHOLD,
                    QueryVectors.DEFAULT_ENTRIES);
        }

        /** For searching an index only: no articles folder is read. */
        public static Setup ofIndex(Path index, Urls urls) {
            return of(null, index).withUrls(urls);
        }

        public Setup withUrls(Urls urls) {
            return new Setup(articles, index, includeDrafts, limits, urls, ranking, answerThreshold, queryVectorCache);
        }

        public Setup withRanking(Ranking ranking) {
            return new Setup(articles, index, includeDrafts, limits, urls, ranking, answerThreshold, queryVectorCache);
        }
    }

    private final Setup setup;
    private final SemanticModel model;
    private final Reindexer reindexer;
    private final LiveIndex live;
    private final QueryVectors queryVectors;
    private final HelpSearch search;
    private final ScheduledExecutorService refresher;
    private final ArticlesWatcher watcher;

    private HelpCenter(
            Setup setup,
            SemanticModel model,
            Reindexer reindexer,
            LiveIndex live,
            ScheduledExecutorService refresher,
            ArticlesWatcher watcher) {
        this.setup = setup;
        this.model = model;
        this.reindexer = reindexer;
        this.live = live;
        this.queryVectors = new QueryVectors(setup.queryVectorCache());
        this.search = search(setup.ranking(), setup.answerThreshold());
        this.refresher = refresher;
        this.watcher = watcher;
    }

    /**
     * For measuring (eval, benchmarks): the model loaded first when {@code semantic}, the index
     * brought up to date with it (invalid articles left out), then opened.
     */
    public static HelpCenter indexed(Setup setup, boolean semantic) throws IOException {
        SemanticModel model = semantic ? SemanticModel.ready(BgeSmallEmbedder.load()) : SemanticModel.off();
        try {
            Reindexer reindexer = reindexer(setup, () -> model.embedder().orElse(null), metadata -> {});
            reindexer.reindex(true);
            return new HelpCenter(setup, model, reindexer, LiveIndex.open(setup.index()), null, null);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** For a one-off search: the index as it is, with the model only when the index has its vectors. */
    public static HelpCenter opened(Setup setup, boolean semantic) throws IndexUnavailableException {
        LiveIndex live = LiveIndex.open(setup.index());
        SemanticModel model = semantic && live.metadata().hasVectors()
                ? SemanticModel.ready(BgeSmallEmbedder.load())
                : SemanticModel.off();
        return new HelpCenter(setup, model, null, live, null, null);
    }

    /**
     * How a first index built while starting went, for the one who started it: progress on their
     * terminal, and the problems when it was refused.
     */
    public interface FirstRun {
        Reindexer.Progress progress();

        void refused(List<ArticleProblem> problems);
    }

    /**
     * For serving. The model loads in the background; a missing index waits for it (a second or
     * two, far less than a second full pass) and is built once, with vectors; an outdated index
     * serves lexically until the model can bring it up to date. Every newer index is switched to
     * as it appears, with its searches by meaning warmed first; {@code watch} re-indexes whenever
     * the articles change, keeping an invalid article's last good version.
     */
    public static HelpCenter serving(Setup setup, boolean semantic, boolean watch, FirstRun firstRun)
            throws IOException, IndexUnavailableException, InterruptedException {
        AtomicReference<HelpCenter> opened = new AtomicReference<>();
        AtomicReference<Reindexer> reindexing = new AtomicReference<>();
        SemanticModel model = semantic
                ? SemanticModel.loadInBackground(BgeSmallEmbedder::load, () -> {
                    upgradeWhenSettled(setup, reindexing.get());
                    HelpCenter center = opened.get();
                    if (center != null) {
                        center.warmUp();
                    }
                })
                : SemanticModel.off();
        Reindexer reindexer = reindexer(setup, () -> model.embedder().orElse(null), metadata -> {
            HelpCenter center = opened.get();
            if (center != null) {
                center.refresh();
            }
        });
        reindexing.set(reindexer);
        boolean hasArticles = Files.isDirectory(setup.articles());
        boolean missing = hasArticles && reindexer.isMissing();
        if (missing && model.state() == SemanticModel.State.LOADING) {
            LOG.info("waiting for the embedding model, to index once with its vectors ...");
            model.awaitSettled(MODEL_PATIENCE);
        }
        if (hasArticles && (missing || (model.state() != SemanticModel.State.LOADING && reindexer.isStale()))) {
            indexFirst(setup, reindexer, firstRun);
        }
        if (missing && model.state() != SemanticModel.State.LOADING) {
            // the model may have come while the index was being built without it
            upgradeWhenSettled(setup, reindexer);
        }
        LiveIndex live;
        try {
            live = LiveIndex.open(setup.index());
        } catch (IndexUnavailableException e) {
            model.close();
            throw e;
        }
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "index-refresh");
            thread.setDaemon(true);
            return thread;
        });
        ArticlesWatcher watcher = watch && hasArticles
                ? new ArticlesWatcher(setup.articles(), WATCH_SETTLE, () -> reindexAfterChange(reindexer))
                : null;
        HelpCenter center = new HelpCenter(setup, model, reindexer, live, refresher, watcher);
        opened.set(center);
        refresher.scheduleWithFixedDelay(
                center::refresh, REFRESH_EVERY.toMillis(), REFRESH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        if (watcher != null) {
            watcher.start();
            LOG.info("watching {} for changes", setup.articles());
        }
        if (model.state() == SemanticModel.State.READY) {
            refresher.execute(center::warmUp);
        }
        return center;
    }

    private static Reindexer reindexer(
            Setup setup, Supplier<Embedder> embedders, Consumer<dev.helpsearch.index.IndexMetadata> onCommit) {
        return new Reindexer(
                        setup.articles(), setup.index(), setup.includeDrafts(), new IndexBuilder(embedders), onCommit)
                .withLimits(setup.limits());
    }

    private static void indexFirst(Setup setup, Reindexer reindexer, FirstRun firstRun) throws IOException {
        LOG.info("indexing {} ...", setup.articles());
        // progress only for this first run: later ones happen while requests are logged
        reindexer.withProgress(firstRun.progress());
        Reindexer.Outcome outcome;
        try {
            outcome = reindexer.reindex();
        } finally {
            reindexer.withProgress(null);
        }
        if (outcome.replaced()) {
            LOG.info(
                    "indexed {} articles, {} sections in {} ms",
                    outcome.metadata().articles(),
                    outcome.metadata().sections(),
                    outcome.millis());
        } else {
            firstRun.refused(outcome.problems());
        }
    }

    /** Once the model has loaded (or failed to), indexes again if the index is outdated or lacks its vectors. */
    private static void upgradeWhenSettled(Setup setup, Reindexer reindexer) {
        // a missing index is the starting thread's to build, with the model if it came in time
        if (reindexer == null || !Files.isDirectory(setup.articles()) || reindexer.isMissing()) {
            return;
        }
        try {
            if (reindexer.isStale()) {
                LOG.info("adding the embedding model's vectors to the index ...");
                Reindexer.Outcome outcome = reindexer.reindex();
                if (outcome.replaced()) {
                    LOG.info(
                            "the index has its vectors: {} articles, {} embedded, {} unchanged, in {} ms",
                            outcome.metadata().articles(),
                            outcome.embedded(),
                            outcome.reused(),
                            outcome.millis());
                } else {
                    logProblems(reindexer, outcome);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not check whether the index is up to date: {}", e.getMessage());
        }
    }

    private static void reindexAfterChange(Reindexer reindexer) {
        try {
            // nobody stands by a watched folder: one bad file must not hold back the other edits
            Reindexer.Outcome outcome = reindexer.reindexKeepingLastGood();
            if (outcome.replaced()) {
                LOG.info(
                        "re-indexed after a change: {} articles in {} ms",
                        outcome.metadata().articles(),
                        outcome.millis());
                outcome.problems()
                        .forEach(p -> LOG.warn(
                                "{}:{}: {} (its last good version, if any, keeps serving)",
                                reindexer.articles().resolve(p.file()),
                                p.line(),
                                p.message()));
            } else {
                logProblems(reindexer, outcome);
            }
        } catch (IOException e) {
            LOG.warn("re-index failed, the previous index keeps serving: {}", e.getMessage());
        }
    }

    private static void logProblems(Reindexer reindexer, Reindexer.Outcome outcome) {
        outcome.problems()
                .forEach(p -> LOG.warn("{}:{}: {}", reindexer.articles().resolve(p.file()), p.line(), p.message()));
        LOG.warn(
                "kept serving the previous index: {} invalid article(s)",
                outcome.problems().size());
    }

    private void refresh() {
        try {
            if (live.refresh()) {
                warmUp();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("a newer index was not loaded, the current one keeps serving: {}", e.getMessage());
        }
    }

    /** Searches by meaning warmed, so that no user's request pays for the first of them. */
    private void warmUp() {
        try {
            search.warmUp();
        } catch (RuntimeException e) {
            LOG.warn("could not warm up the search by meaning: {}", e.toString());
        }
    }

    /** The search core with the setup's ranking and answer threshold. */
    public HelpSearch search() {
        return search;
    }

    /** Another search core over the same index and model, with other knobs (for measuring them). */
    public HelpSearch search(Ranking ranking, double answerThreshold) {
        return new HelpSearch(live, setup.urls(), ranking, answerThreshold, model, queryVectors);
    }

    /** The indexer; null for a center opened only to search. */
    public Reindexer reindexer() {
        return reindexer;
    }

    public LiveIndex live() {
        return live;
    }

    public SemanticModel model() {
        return model;
    }

    @Override
    public void close() throws IOException {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (watcher != null) {
            watcher.close();
        }
        live.close();
        model.close();
    }
}
