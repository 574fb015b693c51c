package dev.helpsearch.semantic;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real model, counting the passages and queries it is asked to read, and able to fail on the n-th one the
 * way a crash in the middle of a long embedding run would.
 */
public final class CountingEmbedder implements Embedder {

    private final Embedder model;
    private final AtomicInteger passages = new AtomicInteger();
    private final AtomicInteger queries = new AtomicInteger();
    private volatile int failAtPassage = Integer.MAX_VALUE;

    public CountingEmbedder(Embedder model) {
        this.model = model;
    }

    public int passages() {
        return passages.get();
    }

    /** Queries embedded since the last reset. */
    public int queries() {
        return queries.get();
    }

    public void reset() {
        passages.set(0);
        queries.set(0);
        failAtPassage = Integer.MAX_VALUE;
    }

    /** From now on the {@code n}-th passage (counting from 1 after the last reset) throws. */
    public void failAtPassage(int n) {
        failAtPassage = n;
    }

    @Override
    public String modelId() {
        return model.modelId();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embedQuery(String query) {
        queries.incrementAndGet();
        return model.embedQuery(query);
    }

    @Override
    public float[] embedPassage(String passage) {
        if (passages.incrementAndGet() >= failAtPassage) {
            throw new IllegalStateException("embedding run cut off");
        }
        return model.embedPassage(passage);
    }

    /** The shared model is closed by whoever loaded it. */
    @Override
    public void close() {}
}
