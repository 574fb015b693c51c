package dev.helpsearch.insights;

import dev.helpsearch.text.AnalyzedTerms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Failing queries grouped into topics, so that "refund invoice", "invoice refunds" and "how to
 * refund an invoice" show up as one gap with three variants. Greedy, most searched first: a query
 * joins the first topic whose leading query is close enough, else starts its own. Close means
 * nearby in meaning when an embedding is at hand, else sharing stemmed words (the same words, or
 * one's words all among the other's).
 */
public final class ContentGaps {

    /**
     * Cosine similarity of two bge-small query embeddings above which they ask the same thing;
     * paraphrases of one symptom score about 0.85 and up, different symptoms of one product below.
     */
    public static final double SAME_TOPIC = 0.85;
    /** Failing queries looked at: the long tail of single searches says little and costs an embedding each. */
    static final int MAX_QUERIES = 300;

    private static final int CACHED_EMBEDDINGS = 4_096;
    /** Words of questions rather than of topics, besides Lucene's English stop words. */
    private static final List<String> QUESTION_WORDS = List.of(
            "how", "do", "does", "did", "i", "my", "me", "we", "our", "can", "cannot", "cant", "why", "what", "when",
            "where", "which", "who", "you", "your", "get", "help", "please", "should", "would", "could");

    /** A failing query and how often it failed in the period. */
    public record Failing(String query, long count) {}

    /** One topic: its most searched query, the failures of all its variants, and the variants, most searched first. */
    public record Gap(String label, long searches, List<String> variants) {

        public Gap {
            variants = List.copyOf(variants);
        }
    }

    private final EnglishAnalyzer analyzer;
    private final Function<String, float[]> embed;
    private final Map<String, float[]> embeddings = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHED_EMBEDDINGS;
        }
    };

    /** @param embed a query's unit-length embedding, or null when there is none (semantic search off or loading) */
    public ContentGaps(Function<String, float[]> embed) {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(QUESTION_WORDS);
        this.analyzer = new EnglishAnalyzer(stop);
        this.embed = embed == null ? q -> null : embed;
    }

    /** By shared terms only. */
    public static ContentGaps byTerms() {
        return new ContentGaps(null);
    }

    public List<Gap> group(List<Failing> failing) {
        List<Failing> sorted = failing.stream()
                .sorted(Comparator.comparingLong(Failing::count).reversed().thenComparing(Failing::query))
                .limit(MAX_QUERIES)
                .toList();
        List<float[]> vectors = vectors(sorted);
        List<Topic> topics = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Failing query = sorted.get(i);
            Set<String> terms = terms(query.query());
            float[] vector = vectors == null ? null : vectors.get(i);
            Topic home = null;
            for (Topic topic : topics) {
                if (vector != null ? dot(vector, topic.vector) >= SAME_TOPIC : sameTerms(terms, topic.terms)) {
                    home = topic;
                    break;
                }
            }
            if (home == null) {
                home = new Topic(terms, vector);
                topics.add(home);
            }
            home.members.add(query);
        }
        return topics.stream()
                .map(t -> new Gap(
                        t.members.get(0).query(),
                        t.members.stream().mapToLong(Failing::count).sum(),
                        t.members.stream().map(Failing::query).toList()))
                .sorted(Comparator.comparingLong(Gap::searches).reversed().thenComparing(Gap::label))
                .toList();
    }

    /** Every query's embedding, or null when any is missing: one measure for all, never a mix. */
    private List<float[]> vectors(List<Failing> queries) {
        List<float[]> vectors = new ArrayList<>(queries.size());
        for (Failing query : queries) {
            float[] vector;
            synchronized (embeddings) {
                vector = embeddings.get(query.query());
            }
            if (vector == null) {
                vector = embed.apply(query.query());
                if (vector == null) {
                    return null;
                }
                synchronized (embeddings) {
                    embeddings.put(query.query(), vector);
                }
            }
            vectors.add(vector);
        }
        return vectors;
    }

    private static boolean sameTerms(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false; // a query of stop words alone is its own topic
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        if (shared.isEmpty()) {
            return false;
        }
        int union = a.size() + b.size() - shared.size();
        return shared.size() == a.size() || shared.size() == b.size() || 2 * shared.size() >= union;
    }

    /** The query's stemmed words without stop and question words. */
    Set<String> terms(String query) {
        return new TreeSet<>(AnalyzedTerms.of(analyzer, query));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length && i < b.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static final class Topic {
        final Set<String> terms;
        final float[] vector;
        final List<Failing> members = new ArrayList<>();

        Topic(Set<String> terms, float[] vector) {
            this.terms = terms;
            this.vector = vector;
        }
    }
}
