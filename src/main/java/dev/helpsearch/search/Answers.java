package dev.helpsearch.search;

import dev.helpsearch.index.Analysis;
import dev.helpsearch.index.HitRecord;
import dev.helpsearch.index.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Picks the one section to show for an in-app lookup, and says how sure it is. Confidence rests
 * on two things a support engineer would look at: how much of the question the section actually
 * covers, and how clearly it beats the next candidate. Below the threshold no answer is given.
 */
final class Answers {

    static final int CANDIDATES = 5;
    /** Measured: on the seed set, answers at or above it are right 9 times in 10 (eval --answers). */
    static final double DEFAULT_THRESHOLD = 0.65;

    private final Analyzer analyzer = Analysis.english();
    private final double threshold;

    Answers(double threshold) {
        this.threshold = threshold;
    }

    Answer best(IndexSearcher searcher, QueryBuilder.Built built, List<ScoreDoc> candidates, List<SearchHit> hits) {
        try {
            for (int i = 0; i < candidates.size(); i++) {
                if (hits.get(i).anchor().isEmpty()) {
                    continue;
                }
                HitRecord record = HitRecords.read(searcher, candidates.get(i).doc);
                double confidence = confidence(built.terms(), record, candidates, i);
                if (confidence < threshold) {
                    return null;
                }
                SearchHit hit = hits.get(i);
                String html = DocValueText.read(searcher, candidates.get(i).doc, IndexFields.HTML);
                return new Answer(hit.url(), hit.path(), hit.anchor(), hit.title(), hit.heading(), html,
                        text(record), Math.round(confidence * 1000) / 1000.0);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The chance the section answers the question, from three signals (a logistic model fitted on
     * the judged query sets, 189 queries; see eval/README.md): how many of the question's content
     * words the section contains, how clearly it beats the next hit, and whether other hits
     * (whole articles) ranked above it.
     *
     * @param index the section's position among the distinct hits
     */
    double confidence(List<String> queryTerms, HitRecord record, List<ScoreDoc> candidates, int index) {
        Set<String> content = new HashSet<>(queryTerms);
        content.removeIf(WeakWords::contains);
        if (content.isEmpty()) {
            content.addAll(queryTerms);
        }
        if (content.isEmpty()) {
            return 0;
        }
        Set<String> present = terms(record.title() + "\n" + record.heading() + "\n" + text(record));
        double coverage = (double) content.stream().filter(present::contains).count() / content.size();
        float score = candidates.get(index).score;
        float next = index + 1 < candidates.size() ? candidates.get(index + 1).score : 0f;
        double margin = score <= 0 ? 0 : Math.max(0, (score - next) / score);
        double z = -0.073 + 0.82 * coverage + 1.87 * margin - 0.97 * index;
        return 1 / (1 + Math.exp(-z));
    }

    /** The section's plain text: its prose, then its code. */
    private static String text(HitRecord record) {
        if (record.code().isEmpty()) {
            return record.prose();
        }
        return record.prose().isEmpty() ? record.code() : record.prose() + "\n" + record.code();
    }

    private Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
