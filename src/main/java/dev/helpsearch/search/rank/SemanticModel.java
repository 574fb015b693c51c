package dev.helpsearch.search.rank;

import dev.helpsearch.semantic.Embedder;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding model as the search core sees it: switched off, still loading, ready, or failed to
 * load. The service answers lexically from its first second and uses vectors from the moment the
 * model is ready; a model that cannot load leaves it lexical rather than down.
 */
public final class SemanticModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SemanticModel.class);

    public enum State {
        OFF,
        LOADING,
        READY,
        FAILED
    }

    private volatile State state;
    private volatile Embedder embedder;
    private final CountDownLatch settled;

    private SemanticModel(State state, Embedder embedder) {
        this.state = state;
        this.embedder = embedder;
        this.settled = new CountDownLatch(state == State.LOADING ? 1 : 0);
    }

    public static SemanticModel off() {
        return new SemanticModel(State.OFF, null);
    }

    public static SemanticModel ready(Embedder embedder) {
        return new SemanticModel(State.READY, embedder);
    }

    /**
     * Starts loading the model on a background thread and returns at once; {@code settled} runs on
     * that thread once the model is ready or has failed to load.
     */
    public static SemanticModel loadInBackground(Supplier<Embedder> loader, Runnable settled) {
        SemanticModel model = new SemanticModel(State.LOADING, null);
        Thread thread = new Thread(
                () -> {
                    long start = System.nanoTime();
                    try {
                        Embedder loaded = loader.get();
                        model.embedder = loaded;
                        model.state = State.READY;
                        LOG.info(
                                "embedding model {} ready in {} ms: answering with lexical and semantic retrieval",
                                loaded.modelId(),
                                (System.nanoTime() - start) / 1_000_000);
                    } catch (RuntimeException | LinkageError e) {
                        model.state = State.FAILED;
                        LOG.warn("the embedding model could not be loaded, answering lexically only: {}", e.toString());
                    }
                    model.settled.countDown();
                    settled.run();
                },
                "embedding-model-loader");
        thread.setDaemon(true);
        thread.start();
        return model;
    }

    /**
     * Waits until the model is ready or has failed to load, at most {@code patience}.
     *
     * @return the state then: still {@link State#LOADING} if it took longer
     */
    public State awaitSettled(Duration patience) throws InterruptedException {
        settled.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        return state;
    }

    public State state() {
        return state;
    }

    /** The model, once it is ready. */
    public Optional<Embedder> embedder() {
        return state == State.READY ? Optional.ofNullable(embedder) : Optional.empty();
    }

    @Override
    public void close() {
        Embedder loaded = embedder;
        if (loaded != null) {
            loaded.close();
        }
    }
}
