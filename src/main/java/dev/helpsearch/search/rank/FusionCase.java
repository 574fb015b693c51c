package dev.helpsearch.search.rank;

import dev.helpsearch.search.build.KnownWords;
import java.util.List;

/**
 * A query's fusion candidates as the evaluation harness sees them.
 *
 * @param candidates every candidate with its features
 * @param knownShare the share of the query's content words the index knows ({@link KnownWords})
 * @param offTopic   the corpus's off-topic similarity level ({@link OffTopic}), 0 without vectors
 */
public record FusionCase(List<CandidateFeatures> candidates, double knownShare, double offTopic) {

    public FusionCase {
        candidates = List.copyOf(candidates);
    }
}
