package dev.helpsearch.search.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranking as a list of stages run in order, each on what the one before it left (after Anserini's
 * {@code RerankerCascade}). The first stage retrieves; it is given no candidates.
 */
public record RankCascade(List<RankStage> stages) {

    /** One stage's run: what it was given and what it handed on. */
    public record Step(RankStage stage, Candidates before, Candidates after) {}

    public RankCascade {
        stages = List.copyOf(stages);
    }

    public RankCascade(RankStage... stages) {
        this(List.of(stages));
    }

    /** This cascade, then {@code more}. */
    public RankCascade then(RankStage... more) {
        List<RankStage> all = new ArrayList<>(stages);
        all.addAll(List.of(more));
        return new RankCascade(all);
    }

    public Candidates run(RankContext context) throws IOException {
        Candidates candidates = Candidates.NONE;
        for (RankStage stage : stages) {
            candidates = stage.rerank(candidates, context);
        }
        return candidates;
    }

    /** The same run, keeping each stage's input and output, for {@code --explain}. */
    public List<Step> trace(RankContext context) throws IOException {
        List<Step> steps = new ArrayList<>(stages.size());
        Candidates candidates = Candidates.NONE;
        for (RankStage stage : stages) {
            Candidates after = stage.rerank(candidates, context);
            steps.add(new Step(stage, candidates, after));
            candidates = after;
        }
        return steps;
    }
}
