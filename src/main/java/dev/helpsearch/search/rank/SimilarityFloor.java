package dev.helpsearch.search.rank;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.search.ScoreDoc;

/**
 * A document only the semantic side found must be close enough to the query to count, however it
 * ranks among the nearest: a large corpus has some document near anything.
 */
public final class SimilarityFloor implements FusionStage {

    private final LearnedFusion fusion;

    public SimilarityFloor(LearnedFusion fusion) {
        this.fusion = fusion;
    }

    @Override
    public String name() {
        return "similarity floor";
    }

    @Override
    public Candidates rerank(Candidates candidates, Candidates.Meaning meaning, RankContext context) {
        Map<Integer, FusionFeatures.Candidate> byDoc = byDoc(meaning);
        ScoreDoc[] kept = Arrays.stream(candidates.hits())
                .filter(hit -> fusion.accepts(byDoc.get(hit.doc), meaning.offTopic()))
                .toArray(ScoreDoc[]::new);
        return candidates.withHits(kept);
    }

    static Map<Integer, FusionFeatures.Candidate> byDoc(Candidates.Meaning meaning) {
        return meaning.features().stream()
                .collect(Collectors.toMap(FusionFeatures.Candidate::doc, Function.identity()));
    }

    @Override
    public String summary(Candidates before, Candidates after, Candidates.Meaning meaning, RankContext context) {
        return String.format(
                Locale.ROOT,
                "%d found by meaning alone below similarity %.3f dropped",
                before.hits().length - after.hits().length,
                fusion.floor(meaning.offTopic()));
    }

    @Override
    public String explain(Candidates before, Candidates after, int doc, RankContext context) {
        if (before.meaning().isEmpty()) {
            return "";
        }
        Candidates.Meaning meaning = before.meaning().get();
        return meaning.of(doc)
                .filter(c -> !c.lexical())
                .map(c -> String.format(
                        Locale.ROOT,
                        "found by meaning alone: similarity %.3f %s %.3f",
                        c.similarity(),
                        fusion.accepts(c, meaning.offTopic()) ? ">=" : "<",
                        fusion.floor(meaning.offTopic())))
                .orElse("");
    }
}
