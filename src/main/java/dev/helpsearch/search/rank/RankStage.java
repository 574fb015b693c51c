package dev.helpsearch.search.rank;

import java.io.IOException;

/**
 * One step of ranking, in the manner of Anserini's rerankers: it takes the candidates the stages
 * before it left and hands on its own. Stages never change the arrays they are given, so a
 * cascade's trace can show every stage's output side by side.
 */
public interface RankStage {

    /** What {@code --explain} calls the stage. */
    String name();

    Candidates rerank(Candidates candidates, RankContext context) throws IOException;

    /** What the stage did overall, one line for {@code --explain}; "" when there is nothing to add. */
    default String summary(Candidates before, Candidates after, RankContext context) throws IOException {
        return "";
    }

    /** What the stage made of one document, for {@code --explain}; "" when it has nothing to say of it. */
    default String explain(Candidates before, Candidates after, int doc, RankContext context) throws IOException {
        return "";
    }
}
