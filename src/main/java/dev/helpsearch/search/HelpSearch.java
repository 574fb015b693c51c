package dev.helpsearch.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.helpsearch.article.markdown.Heading;
import dev.helpsearch.index.HitRecord;
import dev.helpsearch.index.IndexFields;
import dev.helpsearch.index.IndexMetadata;
import dev.helpsearch.search.build.KnownWords;
import dev.helpsearch.search.build.QueryBuilder;
import dev.helpsearch.search.core.Answer;
import dev.helpsearch.search.core.DocValueText;
import dev.helpsearch.search.core.HitRecords;
import dev.helpsearch.search.core.IndexSnapshot;
import dev.helpsearch.search.core.InvalidRequestException;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.core.RelatedArticle;
import dev.helpsearch.search.core.SearchHit;
import dev.helpsearch.search.core.Suggestion;
import dev.helpsearch.search.core.Urls;
import dev.helpsearch.search.query.QueryText;
import dev.helpsearch.search.query.WeakWords;
import dev.helpsearch.search.rank.Answers;
import dev.helpsearch.search.rank.CandidateFeatures;
import dev.helpsearch.search.rank.FusionCase;
import dev.helpsearch.search.rank.FusionFeatures;
import dev.helpsearch.search.rank.HitFacts;
import dev.helpsearch.search.rank.HybridRanking;
import dev.helpsearch.search.rank.LearnedFusion;
import dev.helpsearch.search.rank.OffTopic;
import dev.helpsearch.search.rank.QueryVectors;
import dev.helpsearch.search.rank.Reranker;
import dev.helpsearch.search.rank.SemanticModel;
import dev.helpsearch.search.results.Facets;
import dev.helpsearch.search.results.Highlights;
import dev.helpsearch.search.results.RelatedArticles;
import dev.helpsearch.search.results.Snippets;
import dev.helpsearch.search.results.Suggester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
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
    /** Hits by text score the reranker looks at; measured: 30 to 200 rank the same (eval/README.md). */
    private static final int RERANK_DEPTH = 50;
    /** The window of a first page of ten, so that offline candidates are those a search sees. */
    private static final int CANDIDATE_WINDOW = 10 + DEDUPE_SLACK;
    /** Exact hit counts up to this many; "at least" beyond. */
    private static final int EXACT_TOTAL_UP_TO = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The confidence an in-app answer needs; measured on the judged query sets (eval/README.md). */
    public static final double DEFAULT_ANSWER_THRESHOLD = Answers.DEFAULT_THRESHOLD;

    private final LiveIndex index;
    private final Urls urls;
    private final QueryBuilder queries;
    private final Ranking ranking;
    private final Snippets snippets = new Snippets();
    private final Highlights highlights = new Highlights();
    private final Suggester suggester = new Suggester();
    private final RelatedArticles related = new RelatedArticles();
    private final Answers answers;
    private final Reranker reranker;
    private final SemanticModel semantic;
    private final HybridRanking hybrid;
    private final LearnedFusion fusion = new LearnedFusion(LearnedFusion.Model.load());

    private final QueryVectors queryVectors;

    /**
     * @param queryVectors where query vectors are remembered; shared by every search of this core
     */
    public HelpSearch(
            LiveIndex index,
            Urls urls,
            Ranking ranking,
            double answerThreshold,
            SemanticModel semantic,
            QueryVectors queryVectors) {
        this.index = index;
        this.urls = urls;
        this.queries = new QueryBuilder(ranking);
        this.ranking = ranking;
        this.answers = new Answers(answerThreshold, fusion.answers());
        this.reranker = new Reranker(ranking);
        this.semantic = semantic;
        this.queryVectors = queryVectors;
        this.hybrid = new HybridRanking(semantic, queryVectors);
    }

    /** With the default ranking, answer threshold and query-vector cache. */
    public HelpSearch(LiveIndex index, Urls urls, SemanticModel semantic) {
        this(
                index,
                urls,
                Ranking.defaults(),
                DEFAULT_ANSWER_THRESHOLD,
                semantic,
                new QueryVectors(QueryVectors.DEFAULT_ENTRIES));
    }

    /** By words alone, with the defaults. */
    public HelpSearch(LiveIndex index, Urls urls) {
        this(index, urls, SemanticModel.off());
    }

    public SearchResults search(SearchRequest request) {
        long start = System.nanoTime();
        QueryText text = QueryText.parse(request.query());
        return index.withSnapshot(searcher -> {
            try {
                Facets.checkCategories(searcher, request.categories());
                Ranked ranked = rank(
                        searcher,
                        request.query(),
                        text,
                        request.categories(),
                        request.offset() + request.limit() + DEDUPE_SLACK);
                List<ScoreDoc> page =
                        distinctByUrl(searcher, ranked.top().scoreDocs, request.offset(), request.limit());
                List<SearchHit> hits = toHits(searcher, ranked.built(), page);
                Map<String, Map<String, Long>> facets = request.facets().contains(Facets.CATEGORY)
                        ? Map.of(Facets.CATEGORY, Facets.categoryCounts(searcher, ranked.matches()))
                        : null;
                return new SearchResults(
                        request.query(),
                        ranked.top().totalHits.value(),
                        millisSince(start),
                        ranked.built().corrected(),
                        hits,
                        facets);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * @param top      the final ranking
     * @param lexical  the ranking by words alone, before any fusion
     * @param semantic the documents nearest to the query's meaning, best first; empty when the
     *                 semantic side sat the query out
     * @param matches  the documents {@code top}'s total counts
     */
    private record Ranked(
            QueryBuilder.Built built,
            HitFacts facts,
            TopDocs top,
            ScoreDoc[] lexical,
            ScoreDoc[] semantic,
            Facets.Matches matches,
            List<FusionFeatures.Candidate> candidates,
            int strict) {
        Ranked(
                QueryBuilder.Built built,
                HitFacts facts,
                TopDocs top,
                ScoreDoc[] lexical,
                ScoreDoc[] semantic,
                Facets.Matches matches,
                int strict) {
            this(built, facts, top, lexical, semantic, matches, List.of(), strict);
        }
    }

    /**
     * The ranked documents for a query: the lexical ranking, fused with the semantic one when the
     * model is ready and the query is one it helps.
     */
    private Ranked rank(IndexSnapshot searcher, String query, QueryText text, List<String> categories, int window)
            throws IOException {
        Ranked lexical = rankLexically(searcher, text, Facets.categoryFilter(categories), window);
        return fuseLearned(searcher, query, text, categories, lexical);
    }

    /**
     * Both sides' candidates ranked by the fitted model. {@code total} counts the documents that
     * match by words and those found by meaning alone that are similar enough to count; an
     * unanswerable question has none at all, whatever matched one of its words.
     */
    private Ranked fuseLearned(
            IndexSnapshot searcher, String query, QueryText text, List<String> categories, Ranked lexical)
            throws IOException {
        float[] vector = hybrid.queryVector(searcher, query);
        if (vector == null) {
            return lexical;
        }
        ScoreDoc[] nearest = nearest(searcher, vector, categories);
        List<FusionFeatures.Candidate> candidates = fusionCandidates(searcher, query, lexical, vector, nearest);
        LearnedFusion.Fused fused =
                fusion.fuse(candidates, knownShare(text, lexical.built()), hybrid.offTopic(searcher));
        Facets.Matches matches = fused.ranked().length == 0
                ? Facets.Matches.none()
                : Facets.Matches.fused(searcher, lexical.built().query(), lexical.top().totalHits, fused.ranked());
        return new Ranked(
                lexical.built(),
                lexical.facts(),
                new TopDocs(matches.total(), fused.ranked()),
                lexical.lexical(),
                nearest,
                matches,
                candidates,
                lexical.strict());
    }

    /** The union of the lexical ranking's best and the nearest by meaning, each with its features. */
    private static List<FusionFeatures.Candidate> fusionCandidates(
            IndexSnapshot searcher, String query, Ranked lexical, float[] vector, ScoreDoc[] nearest)
            throws IOException {
        return FusionFeatures.of(
                searcher,
                lexical.facts(),
                lexical.top().scoreDocs,
                lexical.strict(),
                nearest,
                vector,
                HybridRanking.shape(query, lexical.built()));
    }

    /**
     * The nearest documents within any of the categories: the best of each category's nearest,
     * as similarities are comparable across searches of one vector.
     */
    private ScoreDoc[] nearest(IndexSnapshot searcher, float[] vector, List<String> categories) throws IOException {
        if (categories.size() <= 1) {
            return hybrid.nearest(searcher, vector, categories.isEmpty() ? null : categories.get(0));
        }
        List<ScoreDoc> all = new ArrayList<>();
        int candidates = 0;
        for (String category : categories) {
            ScoreDoc[] some = hybrid.nearest(searcher, vector, category);
            candidates = Math.max(candidates, some.length);
            all.addAll(Arrays.asList(some));
        }
        all.sort((a, b) -> Float.compare(b.score, a.score));
        return all.subList(0, Math.min(all.size(), Math.max(candidates, 1))).toArray(ScoreDoc[]::new);
    }

    /**
     * The lexical ranking. When few documents contain enough of the query's words, those
     * containing fewer follow them, so a symptom described in other words still finds something.
     */
    private Ranked rankLexically(IndexSnapshot searcher, QueryText text, Query filter, int window) throws IOException {
        QueryBuilder.Built unfiltered = queries.build(searcher, text, null);
        QueryBuilder.Built built = filtered(unfiltered, filter);
        HitFacts facts = new HitFacts(searcher, built.evidence());
        TopDocs top = reranked(facts, searcher.search(built.query(), collector(window)));
        // whether to relax is the query's matter, not the filter's: a filter narrows the matches a
        // facet counted, it must not turn them into the looser matches of the relaxed query
        if (top.totalHits.value() >= ranking.relaxBelow()
                || (filter != null && searcher.count(unfiltered.query()) >= ranking.relaxBelow())) {
            return new Ranked(
                    built,
                    facts,
                    top,
                    top.scoreDocs,
                    new ScoreDoc[0],
                    Facets.Matches.lexical(built.query(), top.totalHits),
                    top.scoreDocs.length);
        }
        QueryBuilder.Built relaxed = filtered(queries.build(searcher, text, null, true), filter);
        // the relaxed query usually has the same word groups: their facts are then known already
        HitFacts relaxedFacts =
                relaxed.evidence().equals(built.evidence()) ? facts : new HitFacts(searcher, relaxed.evidence());
        TopDocs more = reranked(relaxedFacts, searcher.search(relaxed.query(), collector(window)));
        Query both = new BooleanQuery.Builder()
                .add(built.query(), Occur.SHOULD)
                .add(relaxed.query(), Occur.SHOULD)
                .build();
        ScoreDoc[] ordered = followedBy(top.scoreDocs, more.scoreDocs);
        return new Ranked(
                new QueryBuilder.Built(
                        both, built.terms(), built.prefix(), built.corrected(), built.evidence(), built.unfinished()),
                facts,
                new TopDocs(more.totalHits, ordered),
                ordered,
                new ScoreDoc[0],
                Facets.Matches.lexical(both, more.totalHits),
                top.scoreDocs.length);
    }

    /** The categories are filtered here rather than by the query builder, which takes one at most. */
    private static QueryBuilder.Built filtered(QueryBuilder.Built built, Query filter) {
        if (filter == null) {
            return built;
        }
        return new QueryBuilder.Built(
                Facets.filtered(built.query(), filter),
                built.terms(),
                built.prefix(),
                built.corrected(),
                built.evidence(),
                built.unfinished());
    }

    /**
     * For fitting and measuring the fusion offline: every candidate of a query (the lexical
     * ranking's best and the nearest documents by meaning, whatever the query's form) with its
     * features, named by {@link #candidateFeatureNames()}.
     */
    public FusionCase candidates(String query) {
        QueryText text = QueryText.parse(SearchRequest.checkedQuery(query));
        return index.withSnapshot(searcher -> {
            try {
                Ranked lexical = rankLexically(searcher, text, null, CANDIDATE_WINDOW);
                // by words alone too, when there is no vector: the semantic features are then 0
                float[] vector = hybrid.queryVector(searcher, query);
                ScoreDoc[] nearest = vector == null ? new ScoreDoc[0] : nearest(searcher, vector, List.of());
                List<CandidateFeatures> out = new ArrayList<>();
                for (FusionFeatures.Candidate c : fusionCandidates(searcher, query, lexical, vector, nearest)) {
                    out.add(new CandidateFeatures(
                            HitRecords.read(searcher, c.doc()).url(), c.lexical(), c.features()));
                }
                return new FusionCase(
                        out, knownShare(text, lexical.built()), vector == null ? 0 : hybrid.offTopic(searcher));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private double knownShare(QueryText text, QueryBuilder.Built built) {
        return KnownWords.share(
                ranking.dropFiller(text.free()), built.evidence().size());
    }

    public static List<String> candidateFeatureNames() {
        return FusionFeatures.NAMES;
    }

    /**
     * How the query was understood and how the first hits were ranked, for people tuning ranking:
     * the Lucene query, then per hit in final order its score, what the reranker saw and Lucene's
     * explanation of its text score.
     */
    public String explain(SearchRequest request) {
        QueryText text = QueryText.parse(request.query());
        return index.withSnapshot(searcher -> {
            try {
                Ranked ranked =
                        rank(searcher, request.query(), text, request.categories(), request.limit() + DEDUPE_SLACK);
                QueryBuilder.Built built = ranked.built();
                StringBuilder out =
                        new StringBuilder("query: ").append(built.query()).append('\n');
                List<ScoreDoc> page = distinctByUrl(searcher, ranked.top().scoreDocs, 0, request.limit());
                for (ScoreDoc hit : page) {
                    out.append(HitRecords.read(searcher, hit.doc).url())
                            .append("  score ")
                            .append(hit.score)
                            .append('\n');
                    ranked.candidates().stream()
                            .filter(c -> c.doc() == hit.doc)
                            .findFirst()
                            .ifPresent(c ->
                                    out.append("  ").append(fusion.explain(c)).append('\n'));
                    out.append("  ")
                            .append(reranker.explain(ranked.facts(), hit.doc))
                            .append('\n')
                            .append(searcher.explain(built.query(), hit.doc))
                            .append('\n');
                }
                return out.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The single best section for an error or status text, when the index is confident about it. */
    public AnswerResult answer(String query) {
        long start = System.nanoTime();
        QueryText text = QueryText.parse(SearchRequest.checkedQuery(query));
        return index.withSnapshot(searcher -> {
            try {
                Ranked ranked = rank(searcher, query, text, List.of(), Answers.CANDIDATES + DEDUPE_SLACK);
                List<ScoreDoc> page = distinctByUrl(searcher, ranked.top().scoreDocs, 0, Answers.CANDIDATES);
                List<SearchHit> hits = toHits(searcher, ranked.built(), page);
                Answer answer = answers.best(
                        searcher,
                        ranked.built(),
                        page,
                        hits,
                        ranked.lexical(),
                        ranked.semantic(),
                        ranked.candidates(),
                        ranked.candidates().isEmpty() ? 0 : hybrid.offTopic(searcher));
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
            throw new InvalidRequestException(
                    "invalid_limit", "limit must be between 1 and " + SearchRequest.MAX_LIMIT);
        }
        return Optional.ofNullable(index.withSnapshot(searcher -> related.of(searcher, path, limit, urls)));
    }

    /** The article at {@code path}, ready to show; empty if there is none. */
    public Optional<ArticlePage> article(String path) {
        return index.withSnapshot(searcher -> {
            try {
                ScoreDoc[] hits = theDocument(searcher, IndexFields.URL, path, IndexFields.KIND_ARTICLE);
                if (hits.length == 0) {
                    return Optional.empty();
                }
                Document doc = searcher.storedFields().document(hits[0].doc);
                String tocJson = DocValueText.read(searcher, hits[0].doc, IndexFields.TOC);
                List<Heading> toc =
                        tocJson.isEmpty() ? List.of() : JSON.readValue(tocJson, new TypeReference<List<Heading>>() {});
                var order = doc.getField(IndexFields.ORDER);
                List<RelatedArticle> relatedArticles = related.of(searcher, path, 5, urls);
                return Optional.of(new ArticlePage(
                        urls.of(path),
                        path,
                        doc.get(IndexFields.TITLE),
                        doc.get(IndexFields.DESCRIPTION),
                        doc.get(IndexFields.CATEGORY),
                        order == null ? null : order.numericValue().intValue(),
                        doc.get(IndexFields.UPDATED_AT),
                        DocValueText.read(searcher, hits[0].doc, IndexFields.HTML),
                        toc,
                        relatedArticles == null ? List.of() : relatedArticles));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Where the redirect page at {@code path} forwards to, as written in its front matter; empty if there is none. */
    public Optional<String> redirect(String path) {
        return index.withSnapshot(searcher -> {
            try {
                ScoreDoc[] hits = theDocument(searcher, IndexFields.PATH, path, IndexFields.KIND_REDIRECT);
                return hits.length == 0
                        ? Optional.<String>empty()
                        : Optional.ofNullable(
                                searcher.storedFields().document(hits[0].doc).get(IndexFields.REDIRECT));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The one document of {@code kind} whose {@code field} is {@code value}, or none. */
    private static ScoreDoc[] theDocument(IndexSnapshot searcher, String field, String value, String kind)
            throws IOException {
        BooleanQuery query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(field, value)), Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.KIND, kind)), Occur.FILTER)
                .build();
        return searcher.search(query, 1).scoreDocs;
    }

    /**
     * Makes the first searches by meaning as fast as later ones: measures the snapshot's off-topic
     * level (whose probes are otherwise embedded on a user's request) and runs one search through
     * the whole pipeline. Does nothing until the model is ready and the index has its vectors.
     *
     * @return whether the searches by meaning were warmed
     */
    public boolean warmUp() {
        boolean ready = index.withSnapshot(snapshot -> {
            if (!hybrid.available(snapshot)) {
                return false;
            }
            hybrid.offTopic(snapshot);
            return true;
        });
        if (ready) {
            search(SearchRequest.of(OffTopic.questions().get(0)));
        }
        return ready;
    }

    public QueryVectors.Stats queryVectorStats() {
        return queryVectors.stats();
    }

    /** Bytes on disk of the index being served, -1 when they could not be measured. */
    public long indexBytes() {
        return index.sizeInBytes();
    }

    public IndexStatus status() {
        return index.withSnapshot(snapshot -> {
            IndexMetadata metadata = snapshot.metadata();
            String semanticState = switch (semantic.state()) {
                case OFF -> "off";
                case LOADING -> "loading";
                case FAILED -> "failed";
                case READY -> metadata.hasVectors() ? "ready" : "index-without-vectors";
            };
            return new IndexStatus(
                    "ok",
                    metadata.articles(),
                    metadata.sections(),
                    metadata.indexedAt().toString(),
                    metadata.version(),
                    hybrid.available(snapshot) ? "hybrid" : "lexical",
                    semanticState);
        });
    }

    /**
     * Collects more than the page: the reranker reorders the best hits by text score, and
     * duplicate removal must never leave the page short.
     */
    private static TopScoreDocCollectorManager collector(int window) {
        return new TopScoreDocCollectorManager(Math.max(2 * window, RERANK_DEPTH), EXACT_TOTAL_UP_TO);
    }

    private TopDocs reranked(HitFacts facts, TopDocs top) throws IOException {
        return new TopDocs(top.totalHits, reranker.rerank(facts, top.scoreDocs));
    }

    /** The first hits, then those of the second list that are not among them. */
    private static ScoreDoc[] followedBy(ScoreDoc[] first, ScoreDoc[] second) {
        Set<Integer> seen = new HashSet<>();
        List<ScoreDoc> merged = new ArrayList<>();
        for (ScoreDoc doc : first) {
            if (seen.add(doc.doc)) {
                merged.add(doc);
            }
        }
        for (ScoreDoc doc : second) {
            if (seen.add(doc.doc)) {
                merged.add(doc);
            }
        }
        return merged.toArray(ScoreDoc[]::new);
    }

    /** One hit per url (duplicate headings can share an anchor). */
    private static List<ScoreDoc> distinctByUrl(IndexSnapshot searcher, ScoreDoc[] docs, int offset, int limit)
            throws IOException {
        long[] urls = urlKeys(searcher, docs);
        Set<Long> seen = new HashSet<>();
        List<ScoreDoc> distinct = new ArrayList<>();
        for (int i = 0; i < docs.length && distinct.size() < offset + limit; i++) {
            if (seen.add(urls[i])) {
                distinct.add(docs[i]);
            }
        }
        int from = Math.min(offset, distinct.size());
        return distinct.subList(from, Math.min(from + limit, distinct.size()));
    }

    /**
     * The url of each hit as segment and ordinal, without reading the url itself: a url's
     * documents all belong to one article, which is written in one segment.
     */
    private static long[] urlKeys(IndexSnapshot searcher, ScoreDoc[] docs) throws IOException {
        // doc values are read forward, so in doc id order
        Integer[] order = new Integer[docs.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        long[] keys = new long[docs.length];
        SortedDocValues values = null;
        int leaf = -1;
        for (int i : order) {
            int current = ReaderUtil.subIndex(docs[i].doc, leaves);
            if (current != leaf) {
                leaf = current;
                values = DocValues.getSorted(leaves.get(leaf).reader(), IndexFields.URL);
            }
            int local = docs[i].doc - leaves.get(leaf).docBase;
            keys[i] = ((long) leaf << 32) | (values.advanceExact(local) ? values.ordValue() : -1);
        }
        return keys;
    }

    private List<SearchHit> toHits(IndexSnapshot searcher, QueryBuilder.Built built, List<ScoreDoc> page)
            throws IOException {
        int[] docIds = page.stream().mapToInt(d -> d.doc).toArray();
        HitRecord[] records = HitRecords.read(searcher, docIds);
        // "in", "the": marking every one of them hides the words that matter
        List<String> marked =
                built.terms().stream().filter(term -> !WeakWords.contains(term)).toList();
        String[] snippetTexts = snippets.of(
                searcher.getIndexReader(), marked.isEmpty() ? built.terms() : marked, built.prefix(), docIds, records);
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            HitRecord record = records[i];
            List<String> highlightTerms = marked.isEmpty() ? built.terms() : marked;
            SearchHit.Highlighted highlighted = new SearchHit.Highlighted(
                    highlights.of(record.title(), highlightTerms, built.prefix()),
                    highlights.of(record.heading(), highlightTerms, built.prefix()));
            hits.add(new SearchHit(
                    urls.of(record.url()),
                    record.path(),
                    record.anchor(),
                    record.title(),
                    record.heading(),
                    record.titles(),
                    record.category(),
                    snippetTexts[i],
                    highlighted,
                    round(page.get(i).score)));
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
