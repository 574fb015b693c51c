package dev.helpsearch.eval;

import java.util.List;

/** What the engine ranked for one judged query, and how good that ranking is. */
public record QueryOutcome(JudgedQuery query, List<String> ranked) {

    public static final int DEPTH = 10;

    public QueryOutcome {
        ranked = List.copyOf(ranked.subList(0, Math.min(DEPTH, ranked.size())));
    }

    /** 1 if an answer (grade 2) is among the first {@code k} hits. */
    public double successAt(int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (query.answers(ranked.get(i))) {
                return 1;
            }
        }
        return 0;
    }

    /** 1 / rank of the first answer within the first ten hits, else 0. */
    public double reciprocalRank() {
        for (int i = 0; i < ranked.size(); i++) {
            if (query.answers(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** nDCG@10 with gain 2^grade - 1. */
    public double ndcg() {
        double dcg = 0;
        for (int i = 0; i < ranked.size(); i++) {
            dcg += gain(query.grade(ranked.get(i))) / log2(i + 2);
        }
        List<Integer> ideal = query.grades().values().stream()
                .sorted((a, b) -> b - a)
                .limit(DEPTH)
                .toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Share of the answers (grade 2) found within the first ten hits. */
    public double recall() {
        long answers = query.grades().values().stream().filter(g -> g >= 2).count();
        long found = ranked.stream().filter(query::answers).count();
        return answers == 0 ? 0 : (double) found / answers;
    }

    /** 1 if the first hit is on a page that holds an answer, whichever section it is. */
    public double pageSuccessAt1() {
        if (ranked.isEmpty()) {
            return 0;
        }
        String page = pageOf(ranked.get(0));
        return query.grades().entrySet().stream()
                        .anyMatch(e -> e.getValue() >= 2 && pageOf(e.getKey()).equals(page))
                ? 1
                : 0;
    }

    static String pageOf(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
