package dev.helpsearch.search.results;

import dev.helpsearch.index.Analysis;
import dev.helpsearch.index.HitRecord;
import dev.helpsearch.index.IndexFields;
import dev.helpsearch.search.core.HitRecords;
import dev.helpsearch.search.core.RelatedArticle;
import dev.helpsearch.search.core.Urls;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Articles related to an article: first by what they say (MoreLikeThis over every section, scores
 * summed per article), then, to fill the list, the other articles of its category in their order,
 * as the help center's own related-articles list does.
 */
public final class RelatedArticles {

    /** Terms appearing in more than this share of documents say nothing about a topic. */
    private static final int MAX_DOC_FREQ_PERCENT = 30;

    private static final int MAX_QUERY_TERMS = 30;
    private static final int CANDIDATE_SECTIONS = 200;
    /** Sections of one article read to describe it. */
    private static final int MAX_SECTIONS = 1_000;

    private static final Set<String> FIELDS = Set.of(
            IndexFields.PATH,
            IndexFields.URL,
            IndexFields.TITLE,
            IndexFields.DESCRIPTION,
            IndexFields.CATEGORY,
            IndexFields.ORDER,
            IndexFields.KIND);

    public List<RelatedArticle> of(IndexSearcher searcher, String path, int limit, Urls urls) {
        try {
            Document article = articleDocument(searcher, path);
            if (article == null) {
                return null;
            }
            int[] ownDocs = Arrays.stream(
                            searcher.search(new TermQuery(new Term(IndexFields.PATH, path)), MAX_SECTIONS).scoreDocs)
                    .mapToInt(hit -> hit.doc)
                    .toArray();
            Map<String, RelatedArticle> related = new LinkedHashMap<>();
            for (String similar : bySimilarity(searcher, path, ownDocs)) {
                if (related.size() >= limit) {
                    break;
                }
                Document other = articleDocument(searcher, similar);
                if (other != null) {
                    related.put(similar, toRelated(other, urls));
                }
            }
            for (Document other : sameCategory(searcher, article.get(IndexFields.CATEGORY))) {
                if (related.size() >= limit) {
                    break;
                }
                String otherPath = other.get(IndexFields.PATH);
                if (!otherPath.equals(path)) {
                    related.putIfAbsent(otherPath, toRelated(other, urls));
                }
            }
            return List.copyOf(related.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * MoreLikeThis tuned for a help center of tens of articles: Lucene's defaults (a term must
     * occur twice and in five documents) find nothing there.
     */
    private static List<String> bySimilarity(IndexSearcher searcher, String path, int[] ownDocs) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(Analysis.english());
        mlt.setFieldNames(new String[] {IndexFields.CONTENT_TEXT});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMaxDocFreqPct(MAX_DOC_FREQ_PERCENT);
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
        mlt.setStopWords(org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        StringBuilder text = new StringBuilder();
        for (HitRecord record : HitRecords.read(searcher, ownDocs)) {
            text.append(record.title()).append('\n');
            appendIfPresent(text, record.heading());
            appendIfPresent(text, record.prose());
        }
        Query like = mlt.like(IndexFields.CONTENT_TEXT, new StringReader(text.toString()));
        Map<String, Double> scores = new HashMap<>();
        ScoreDoc[] similar = searcher.search(like, CANDIDATE_SECTIONS).scoreDocs;
        HitRecord[] records = HitRecords.read(
                searcher, Arrays.stream(similar).mapToInt(hit -> hit.doc).toArray());
        for (int i = 0; i < similar.length; i++) {
            String otherPath = records[i].path();
            if (!otherPath.equals(path)) {
                scores.merge(otherPath, (double) similar[i].score, Double::sum);
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Document articleDocument(IndexSearcher searcher, String path) throws IOException {
        ScoreDoc[] hits = searcher.search(new TermQuery(new Term(IndexFields.URL, path)), 1).scoreDocs;
        return hits.length == 0 ? null : searcher.storedFields().document(hits[0].doc, FIELDS);
    }

    private static List<Document> sameCategory(IndexSearcher searcher, String category) throws IOException {
        List<Document> articles = new ArrayList<>();
        for (ScoreDoc hit :
                searcher.search(new TermQuery(new Term(IndexFields.CATEGORY, category)), 10_000).scoreDocs) {
            Document doc = searcher.storedFields().document(hit.doc, FIELDS);
            if (isArticle(doc)) {
                articles.add(doc);
            }
        }
        articles.sort(Comparator.comparingInt(RelatedArticles::orderOf).thenComparing(d -> d.get(IndexFields.TITLE)));
        return articles;
    }

    private static int orderOf(Document doc) {
        var order = doc.getField(IndexFields.ORDER);
        return order == null ? Integer.MAX_VALUE : order.numericValue().intValue();
    }

    private static boolean isArticle(Document doc) {
        return IndexFields.KIND_ARTICLE.equals(doc.get(IndexFields.KIND));
    }

    private static RelatedArticle toRelated(Document doc, Urls urls) {
        return new RelatedArticle(
                urls.of(doc.get(IndexFields.PATH)),
                doc.get(IndexFields.PATH),
                doc.get(IndexFields.TITLE),
                doc.get(IndexFields.DESCRIPTION),
                doc.get(IndexFields.CATEGORY));
    }

    private static void appendIfPresent(StringBuilder text, String value) {
        if (value != null && !value.isEmpty()) {
            text.append(value).append('\n');
        }
    }
}
