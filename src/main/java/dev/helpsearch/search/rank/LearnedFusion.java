package dev.helpsearch.search.rank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * The fusion stage: the candidates of both sides ranked by a linear model over their features
 * ({@link FusionFeatures}), fitted offline by {@code eval/fusion.py} on cross-validation folds of
 * every judged query set (eval/README.md). A document only the semantic side found must also be
 * close enough to the query to count ({@link NoResults}), however it ranks among the nearest, so
 * a question the help center does not cover gets no results.
 */
public final class LearnedFusion {

    static final String RESOURCE = "fusion-model.json";

    /**
     * When a question has results at all: when some document holds enough of its words and the
     * index knows enough of them, or when some document is close enough in meaning. How close is
     * close depends on the corpus (a large one has some document near anything), so it is measured
     * against the corpus's off-topic level ({@link OffTopic}). Fitted so that 99% of every judged
     * set's questions keep their results (eval/README.md).
     *
     * @param minSimilarityAboveOffTopic how far above the off-topic level a document's similarity
     *                       must be to make the question answerable on its own
     * @param minKnownShare  the share of its content words the index must know for a match by
     *                       words to count
     */
    record NoResults(double minSimilarityAboveOffTopic, double minKnownShare) {

        /** Whether a document found by meaning alone is close enough to count as a result. */
        boolean closeEnough(FusionFeatures.Candidate candidate, double offTopic) {
            return candidate.similarity() >= offTopic + minSimilarityAboveOffTopic;
        }

        boolean answerable(List<FusionFeatures.Candidate> candidates, double knownShare, double offTopic) {
            boolean strict = false;
            double best = -1;
            for (FusionFeatures.Candidate candidate : candidates) {
                strict |= candidate.features()[FusionFeatures.STRICT_MATCH] > 0;
                best = Math.max(best, candidate.similarity());
            }
            return (strict && knownShare >= minKnownShare) || best >= offTopic + minSimilarityAboveOffTopic;
        }
    }

    /**
     * The in-app answer's confidence: a logistic model over what a support engineer would look at
     * ({@link Answers.FusedSignals}), and the threshold at which its answers were right nine times
     * in ten on held-out folds.
     */
    record AnswerModel(Map<String, Double> weights, double threshold) {

        double confidence(Answers.FusedSignals signals) {
            double z = weight("bias")
                    + weight("coverage") * signals.coverage()
                    + weight("lead") * signals.lead()
                    + weight("position") * signals.position()
                    + weight("lexicalFirst") * flag(signals.lexicalFirst())
                    + weight("semanticFirst") * flag(signals.semanticFirst())
                    + weight("similarityAboveOffTopic") * signals.similarityAboveOffTopic()
                    + weight("strictMatch") * flag(signals.strictMatch());
            return 1 / (1 + Math.exp(-z));
        }

        private double weight(String name) {
            return weights.getOrDefault(name, 0.0);
        }

        private static double flag(boolean value) {
            return value ? 1 : 0;
        }
    }

    /**
     * @param weights   one per {@link FusionFeatures#NAMES}
     * @param noResults when a question, and a document found by meaning alone, count at all
     * @param answer    the in-app answer's confidence
     */
    public record Model(double[] weights, NoResults noResults, AnswerModel answer) {

        public static Model load() {
            try (InputStream in = LearnedFusion.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return parse(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Model parse(JsonNode json) {
            double[] weights = new double[FusionFeatures.NAMES.size()];
            for (Iterator<Map.Entry<String, JsonNode>> it = json.path("weights").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> weight = it.next();
                int index = FusionFeatures.NAMES.indexOf(weight.getKey());
                if (index < 0) {
                    throw new IllegalStateException(RESOURCE + ": no fusion feature " + weight.getKey());
                }
                weights[index] = weight.getValue().asDouble();
            }
            JsonNode none = json.path("noResults");
            NoResults noResults = new NoResults(
                    none.path("minSimilarityAboveOffTopic").asDouble(-2),
                    none.path("minKnownShare").asDouble(0));
            Map<String, Double> answerWeights = new LinkedHashMap<>();
            json.path("answer")
                    .path("weights")
                    .fields()
                    .forEachRemaining(
                            e -> answerWeights.put(e.getKey(), e.getValue().asDouble()));
            AnswerModel answer = new AnswerModel(
                    Map.copyOf(answerWeights),
                    json.path("answer").path("threshold").asDouble(1));
            return new Model(weights, noResults, answer);
        }
    }

    /** The fused ranking, best first, and how many candidates only the semantic side contributed. */
    public record Fused(ScoreDoc[] ranked, int semanticOnly) {}

    private final Model model;

    public LearnedFusion(Model model) {
        this.model = model;
    }

    double score(FusionFeatures.Candidate candidate) {
        double score = 0;
        for (int i = 0; i < model.weights.length; i++) {
            score += model.weights[i] * candidate.features()[i];
        }
        return score;
    }

    boolean accepts(FusionFeatures.Candidate candidate, double offTopic) {
        return candidate.lexical() || model.noResults().closeEnough(candidate, offTopic);
    }

    public AnswerModel answers() {
        return model.answer();
    }

    /**
     * The model's three decisions at once, as the cascade takes them one stage each
     * ({@link NoResultsRule}, {@link SimilarityFloor}, {@link FusedScore}).
     *
     * @param knownShare the share of the query's content words the index knows
     * @param offTopic   the corpus's off-topic similarity level
     */
    public Fused fuse(List<FusionFeatures.Candidate> candidates, double knownShare, double offTopic) {
        if (!answerable(candidates, knownShare, offTopic)) {
            return new Fused(new ScoreDoc[0], 0);
        }
        List<FusionFeatures.Candidate> kept =
                candidates.stream().filter(c -> accepts(c, offTopic)).toList();
        int semanticOnly = (int) kept.stream().filter(c -> !c.lexical()).count();
        return new Fused(ranked(kept), semanticOnly);
    }

    /** Whether the question has results at all ({@link NoResults}). */
    boolean answerable(List<FusionFeatures.Candidate> candidates, double knownShare, double offTopic) {
        return model.noResults().answerable(candidates, knownShare, offTopic);
    }

    /** The similarity a document found by meaning alone needs to count, for {@code --explain}. */
    double floor(double offTopic) {
        return offTopic + model.noResults().minSimilarityAboveOffTopic();
    }

    /** The candidates scored by the fitted weights, best first. */
    ScoreDoc[] ranked(List<FusionFeatures.Candidate> candidates) {
        List<ScoreDoc> scored = new ArrayList<>(candidates.size());
        for (FusionFeatures.Candidate candidate : candidates) {
            scored.add(new ScoreDoc(candidate.doc(), (float) score(candidate)));
        }
        // a stable sort: on a tie the lexical side's order stands
        scored.sort(Comparator.comparingDouble((ScoreDoc d) -> d.score).reversed());
        return scored.toArray(ScoreDoc[]::new);
    }

    /** Each feature's contribution to a candidate's score, largest first, for {@code --explain}. */
    public String explain(FusionFeatures.Candidate candidate) {
        List<String> parts = new ArrayList<>();
        Integer[] order = new Integer[model.weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                Comparator.comparingDouble(
                        i -> -Math.abs(model.weights[i] * candidate.features()[i])));
        for (int i : order) {
            if (model.weights[i] != 0 && candidate.features()[i] != 0) {
                parts.add(String.format(
                        Locale.ROOT,
                        "%s %.3f x %.3f = %+.3f",
                        FusionFeatures.NAMES.get(i),
                        candidate.features()[i],
                        model.weights[i],
                        model.weights[i] * candidate.features()[i]));
            }
        }
        return String.format(
                Locale.ROOT,
                "fused %.3f (%s%s): %s",
                score(candidate),
                candidate.lexical() ? "words" : "meaning only",
                candidate.similarity() != 0
                        ? String.format(Locale.ROOT, ", similarity %.3f", candidate.similarity())
                        : "",
                String.join("; ", parts));
    }
}
