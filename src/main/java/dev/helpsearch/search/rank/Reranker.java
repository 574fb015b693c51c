package dev.helpsearch.search.rank;

import dev.helpsearch.search.core.Ranking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.search.ScoreDoc;

/**
 * The second stage of ranking, on the few dozen best hits by text score rather than on every
 * matching document:
 * <ol>
 * <li><b>coverage</b>: each of the query's word groups a hit contains anywhere adds a constant, so
 *     a section holding four of the five words a user typed beats one repeating two of them;</li>
 * <li><b>level</b>: whole articles and deep sections get the ranking's factors;</li>
 * <li><b>drill-down</b>: a section that holds more of the query than its own article goes above
 *     it. The article's title weighs more than a section's page context, so for "permission
 *     denied when the gateway starts" the page "Gateway fails to start" would otherwise beat the
 *     one section of it that says "permission denied".</li>
 * </ol>
 */
public final class Reranker {

    private final Ranking ranking;

    public Reranker(Ranking ranking) {
        this.ranking = ranking;
    }

    /** The hits in their final order, with their final scores: {@link #boosted}, then {@link #drilledDown}. */
    public ScoreDoc[] rerank(HitFacts hitFacts, ScoreDoc[] hits) throws IOException {
        return drilledDown(hitFacts, boosted(hitFacts, hits));
    }

    /** Steps 1 and 2: the coverage constant added and the level factor applied, best first. */
    public ScoreDoc[] boosted(HitFacts hitFacts, ScoreDoc[] hits) throws IOException {
        if (hits.length == 0) {
            return hits;
        }
        HitFacts.Facts facts = hitFacts.of(hits);
        ScoreDoc[] boosted = new ScoreDoc[hits.length];
        for (int i = 0; i < hits.length; i++) {
            double score = (hits[i].score + ranking.coverageBoost() * facts.matched()[i])
                    * ranking.levelBoost(facts.level()[i]);
            boosted[i] = new ScoreDoc(hits[i].doc, (float) score);
        }
        Arrays.sort(
                boosted,
                (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return boosted;
    }

    /** Step 3, on hits in their order so far: a section holding more of the query goes above its article. */
    public ScoreDoc[] drilledDown(HitFacts hitFacts, ScoreDoc[] hits) throws IOException {
        if (hits.length == 0) {
            return hits;
        }
        HitFacts.Facts facts = hitFacts.of(hits);
        Candidate[] candidates = new Candidate[hits.length];
        for (int i = 0; i < hits.length; i++) {
            candidates[i] =
                    new Candidate(hits[i].doc, hits[i].score, facts.matched()[i], facts.level()[i], facts.page()[i]);
        }
        List<Candidate> order = drillDown(candidates, hitFacts.groups());
        ScoreDoc[] result = new ScoreDoc[order.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = new ScoreDoc(order.get(i).doc, order.get(i).score);
        }
        return result;
    }

    /** How the reranker sees one hit, for people tuning ranking. */
    public String explain(HitFacts hitFacts, int doc) throws IOException {
        HitFacts.Facts facts = hitFacts.of(new ScoreDoc[] {new ScoreDoc(doc, 0f)});
        return String.format(
                Locale.ROOT,
                "contains %d of the query's %d word groups (+%.2f each), level %d (x%.2f)",
                facts.matched()[0],
                hitFacts.groups(),
                ranking.coverageBoost(),
                facts.level()[0],
                ranking.levelBoost(facts.level()[0]));
    }

    private static final class Candidate {
        final int doc;
        float score;
        final int matched;
        final long level;
        final long page;

        Candidate(int doc, float score, int matched, long level, long page) {
            this.doc = doc;
            this.score = score;
            this.matched = matched;
            this.level = level;
            this.page = page;
        }
    }

    private List<Candidate> drillDown(Candidate[] ranked, int groups) {
        List<Candidate> order = new ArrayList<>(Arrays.asList(ranked));
        if (groups < 2 || ranking.drillDownRatio() > 1f) {
            return order;
        }
        for (int position = 0; position < order.size(); position++) {
            Candidate article = order.get(position);
            if (article.level != 0) {
                continue;
            }
            for (int later = position + 1; later < order.size(); later++) {
                Candidate section = order.get(later);
                if (section.level != 0
                        && section.page == article.page
                        && section.matched > article.matched
                        && section.score >= ranking.drillDownRatio() * article.score) {
                    order.remove(later);
                    order.add(position, section);
                    section.score = article.score;
                    position++;
                    break;
                }
            }
        }
        return order;
    }
}
