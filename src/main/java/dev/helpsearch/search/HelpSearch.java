package dev.helpsearch.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.helpsearch.article.markdown.Heading;
import dev.helpsearch.index.IndexFields;
import dev.helpsearch.index.IndexMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The search core: ranked section and article hits with snippets, the in-app answer, as-you-type
 * suggestions, related articles and article pages, all from the live index. It knows nothing of
 * HTTP; every request runs against one consistent index snapshot.
 */
public final class HelpSearch {

    /** Hits looked at beyond the requested page, so that duplicates can be dropped without a short page. */
    private static final int DEDUPE_SLACK = 10;
    /** Exact hit counts up to this many; "at least" beyond. */
    private static final int EXACT_TOTAL_UP_TO = 10_000;
    private static final Set<String> HIT_FIELDS = Set.of(IndexFields.KIND, IndexFields.URL, IndexFields.PATH,
            IndexFields.ANCHOR, IndexFields.TITLE, IndexFields.HEADING, IndexFields.TITLES, IndexFields.CATEGORY);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveIndex index;
    private final Urls urls;
    private final QueryBuilder queries;
    private final Snippets snippets = new Snippets();
    private final Suggester suggester = new Suggester();
    private final RelatedArticles related = new RelatedArticles();
    private final Spelling spelling = new Spelling();
    private final Answers answers;

    public HelpSearch(LiveIndex index, Urls urls, Ranking ranking, double answerThreshold) {
        this.index = index;
        this.urls = urls;
        this.queries = new QueryBuilder(ranking);
        this.answers = new Answers(answerThreshold);
    }

    public HelpSearch(LiveIndex index, Urls urls) {
        this(index, urls, Ranking.defaults(), Answers.DEFAULT_THRESHOLD);
    }

    public SearchResults search(SearchRequest request) {
        long start = System.nanoTime();
        QueryText text = QueryText.parse(request.query());
        QueryBuilder.Built built = queries.build(text, request.category());
        return index.withSnapshot(searcher -> {
            try {
                int window = request.offset() + request.limit() + DEDUPE_SLACK;
                TopDocs top = searcher.search(built.query(), new TopScoreDocCollectorManager(window, EXACT_TOTAL_UP_TO));
                List<ScoreDoc> page = distinctByUrl(searcher, top.scoreDocs, request.offset(), request.limit());
                List<SearchHit> hits = toHits(searcher, built, page);
                String didYouMean = spelling.shouldSuggest(top) ? spelling.suggest(searcher, request.query(), queries, request.category()) : null;
                return new SearchResults(request.query(), top.totalHits.value(), millisSince(start), didYouMean, hits);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The single best section for an error or status text, when the index is confident about it. */
    public AnswerResult answer(String query) {
        long start = System.nanoTime();
        QueryText text = QueryText.parse(SearchRequest.checkedQuery(query));
        QueryBuilder.Built built = queries.build(text, null);
        return index.withSnapshot(searcher -> {
            try {
                TopDocs top = searcher.search(built.query(), Answers.CANDIDATES + DEDUPE_SLACK);
                List<ScoreDoc> page = distinctByUrl(searcher, top.scoreDocs, 0, Answers.CANDIDATES);
                List<SearchHit> hits = toHits(searcher, built, page);
                Answer answer = answers.best(searcher, built, page, hits);
                return new AnswerResult(query, answer, answer == null ? hits : List.of(), millisSince(start));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public List<Suggestion> suggest(String typed) {
        String checked = SearchRequest.checkedQuery(typed);
        return index.withSnapshot(searcher -> suggester.suggest(searcher, checked, urls));
    }

    /** Articles related to the article at {@code path}; empty if there is no such article. */
    public Optional<List<RelatedArticle>> related(String path, int limit) {
        if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
            throw new InvalidRequestException("invalid_limit", "limit must be between 1 and " + SearchRequest.MAX_LIMIT);
        }
        return Optional.ofNullable(index.withSnapshot(searcher -> related.of(searcher, path, limit, urls)));
    }

    /** The article at {@code path}, ready to show; empty if there is none. */
    public Optional<ArticlePage> article(String path) {
        return index.withSnapshot(searcher -> {
            try {
                BooleanQuery query = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(IndexFields.URL, path)), Occur.FILTER)
                        .add(new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_ARTICLE)), Occur.FILTER)
                        .build();
                ScoreDoc[] hits = searcher.search(query, 1).scoreDocs;
                if (hits.length == 0) {
                    return Optional.empty();
                }
                Document doc = searcher.storedFields().document(hits[0].doc);
                List<Heading> toc = JSON.readValue(doc.get(IndexFields.TOC), new TypeReference<List<Heading>>() { });
                var order = doc.getField(IndexFields.ORDER);
                List<RelatedArticle> relatedArticles = related.of(searcher, path, 5, urls);
                return Optional.of(new ArticlePage(urls.of(path), path, doc.get(IndexFields.TITLE), doc.get(IndexFields.DESCRIPTION),
                        doc.get(IndexFields.CATEGORY), order == null ? null : order.numericValue().intValue(),
                        doc.get(IndexFields.UPDATED_AT), doc.get(IndexFields.HTML), toc,
                        relatedArticles == null ? List.of() : relatedArticles));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public IndexStatus status() {
        IndexMetadata metadata = index.metadata();
        return new IndexStatus("ok", metadata.articles(), metadata.sections(), metadata.indexedAt().toString(), metadata.version());
    }

    private static List<ScoreDoc> distinctByUrl(IndexSnapshot searcher, ScoreDoc[] docs, int offset, int limit) throws IOException {
        Set<String> seen = new HashSet<>();
        List<ScoreDoc> distinct = new ArrayList<>();
        for (ScoreDoc doc : docs) {
            String url = searcher.storedFields().document(doc.doc, Set.of(IndexFields.URL)).get(IndexFields.URL);
            if (seen.add(url)) {
                distinct.add(doc);
            }
        }
        int from = Math.min(offset, distinct.size());
        return distinct.subList(from, Math.min(from + limit, distinct.size()));
    }

    private List<SearchHit> toHits(IndexSnapshot searcher, QueryBuilder.Built built, List<ScoreDoc> page) throws IOException {
        int[] docIds = page.stream().mapToInt(d -> d.doc).toArray();
        String[] snippetTexts = snippets.of(searcher, built.query(), docIds);
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            Document doc = searcher.storedFields().document(docIds[i], HIT_FIELDS);
            hits.add(new SearchHit(urls.of(doc.get(IndexFields.URL)), doc.get(IndexFields.PATH), doc.get(IndexFields.ANCHOR),
                    doc.get(IndexFields.TITLE), doc.get(IndexFields.HEADING), List.of(doc.getValues(IndexFields.TITLES)),
                    doc.get(IndexFields.CATEGORY), snippetTexts[i], round(page.get(i).score)));
        }
        return hits;
    }

    private static double round(float score) {
        return Math.round(score * 1000.0) / 1000.0;
    }

    private static double millisSince(long start) {
        return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
    }
}
