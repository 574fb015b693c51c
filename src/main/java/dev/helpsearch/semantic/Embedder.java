package dev.helpsearch.semantic;

/**
 * Turns text into unit-length vectors whose dot product says how close two texts are in meaning.
 * Queries and passages are embedded differently: retrieval models are trained with an instruction
 * in front of the query only. Implementations are safe to call from several threads.
 */
public interface Embedder extends AutoCloseable {

    /** Names the model and how passages are embedded: vectors of different ids are not comparable. */
    String modelId();

    int dimension();

    float[] embedQuery(String query);

    float[] embedPassage(String passage);

    @Override
    void close();
}
