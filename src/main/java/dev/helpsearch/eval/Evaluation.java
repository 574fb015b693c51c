package dev.helpsearch.eval;

import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.SearchRequest;
import dev.helpsearch.search.core.SearchHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs judged queries through the real search core and measures the rankings: success at 1 and 3,
 * MRR@10, nDCG@10, recall@10 and page-level success at 1, overall and per query type.
 */
public final class Evaluation {

    /**
     * @param outcomes every query with what ranked for it, in query-set order
     */
    public record Report(Metrics overall, Map<String, Metrics> byType, List<QueryOutcome> outcomes) {

        /** The queries ranked worst: no answer first, then by nDCG. */
        public List<QueryOutcome> worst(int n) {
            return outcomes.stream()
                    .sorted(Comparator.comparingDouble(QueryOutcome::reciprocalRank)
                            .thenComparingDouble(QueryOutcome::ndcg))
                    .limit(n)
                    .toList();
        }
    }

    private Evaluation() {}

    public static Report run(HelpSearch search, List<JudgedQuery> queries) {
        return run(
                query -> search.search(new SearchRequest(query, QueryOutcome.DEPTH, 0, null)).hits().stream()
                        .map(SearchHit::url)
                        .toList(),
                queries);
    }

    /** Measures any ranking function (the semantic and hybrid rankers are measured the same way). */
    public static Report run(Function<String, List<String>> ranker, List<JudgedQuery> queries) {
        List<QueryOutcome> outcomes = new ArrayList<>();
        for (JudgedQuery query : queries) {
            outcomes.add(new QueryOutcome(query, ranker.apply(query.query())));
        }
        Map<String, Metrics> byType = outcomes.stream()
                .collect(Collectors.groupingBy(o -> o.query().type(), TreeMap::new, Collectors.toList()))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Metrics.of(e.getValue()), (a, b) -> a, TreeMap::new));
        return new Report(Metrics.of(outcomes), byType, outcomes);
    }
}
