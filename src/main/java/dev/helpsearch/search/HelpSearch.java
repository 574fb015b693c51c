package dev.helpsearch.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.helpsearch.article.markdown.Heading;
import dev.helpsearch.index.HitRecord;
import dev.helpsearch.index.IndexFields;
import dev.helpsearch.index.IndexMetadata;
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
import dev.helpsearch.search.rank.Candidates;
import dev.helpsearch.search.rank.CascadeExplanation;
import dev.helpsearch.search.rank.CoverageAndLevel;
import dev.helpsearch.search.rank.DrillDown;
import dev.helpsearch.search.rank.FusedScore;
import dev.helpsearch.search.rank.FusionCase;
import dev.helpsearch.search.rank.FusionFeatures;
import dev.helpsearch.search.rank.HybridRanking;
import dev.helpsearch.search.rank.LearnedFusion;
import dev.helpsearch.search.rank.NoResultsRule;
import dev.helpsearch.search.rank.OffTopic;
import dev.helpsearch.search.rank.QueryVectors;
import dev.helpsearch.search.rank.RankCascade;
import dev.helpsearch.search.rank.RankContext;
import dev.helpsearch.search.rank.Relaxation;
import dev.helpsearch.search.rank.Reranker;
import dev.helpsearch.search.rank.SemanticCandidates;
import dev.helpsearch.search.rank.SemanticModel;
import dev.helpsearch.search.rank.SimilarityFloor;
import dev.helpsearch.search.rank.TextSearch;
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
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * The search core: ranked section and article hits with snippets, the in-app answer, as-you-type
 * suggestions, related articles and article pages, all from the live index. It knows nothing of
 * HTTP; every request runs against one consistent index snapshot.
 */
public final class HelpSearch {

    /** Hits looked at beyond the requested page, so that duplicates can be dropped without a short page. */
    private static final int DEDUPE_SLACK = 10;
    /** The window of a first page of ten, so that offline candidates are those a search sees. */
    private static final int CANDIDATE_WINDOW = 10 + DEDUPE_SLACK;

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
    /** The ranking of every request, stage by stage. */
    private final RankCascade cascade;
    /** The ranking by words and every candidate's fusion features, for fitting the fusion. */
    private final RankCascade forFitting;

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
        this.semantic = semantic;
        this.queryVectors = queryVectors;
        this.hybrid = new HybridRanking(semantic, queryVectors);
        Reranker reranker = new Reranker(ranking);
        RankCascade lexical =
                new RankCascade(new TextSearch(), new CoverageAndLevel(reranker), new DrillDown(reranker));
        RankCascade byWords = lexical.then(new Relaxation(queries, ranking, lexical));
        this.cascade = byWords.then(
                SemanticCandidates.whenAvailable(hybrid),
                new NoResultsRule(fusion, ranking),
                new SimilarityFloor(fusion),
                new FusedScore(fusion));
        this.forFitting = byWords.then(SemanticCandidates.always(hybrid));
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
                List<ScoreDoc> page = distinctByUrl(searcher, ranked.hits(), request.offset(), request.limit());
                List<SearchHit> hits = toHits(searcher, ranked.built(), page);
                Map<String, Map<String, Long>> facets = request.facets().contains(Facets.CATEGORY)
                        ? Map.of(Facets.CATEGORY, Facets.categoryCounts(searcher, ranked.matches()))
                        : null;
                return new SearchResults(
                        request.query(),
                        ranked.matches().total().value(),
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
     * A request's ranking: what the stages read, what the last one left, and the documents the
     * total and the facets count.
     */
    private record Ranked(RankContext context, Candidates candidates, Facets.Matches matches) {

        QueryBuilder.Built built() {
            return context.built();
        }

        ScoreDoc[] hits() {
            return candidates.hits();
        }

        List<FusionFeatures.Candidate> features() {
            return candidates.meaning().map(Candidates.Meaning::features).orElse(List.of());
        }
    }

    private RankContext context(
            IndexSnapshot searcher, String query, QueryText text, List<String> categories, int window) {
        return RankContext.of(searcher, queries, query, text, categories, Facets.categoryFilter(categories), window);
    }

    /**
     * The ranked documents for a query: the lexical ranking, fused with the semantic one when the
     * model is ready.
     */
    private Ranked rank(IndexSnapshot searcher, String query, QueryText text, List<String> categories, int window)
            throws IOException {
        RankContext context = context(searcher, query, text, categories, window);
        Candidates ranked = cascade.run(context);
        return new Ranked(context, ranked, matches(searcher, ranked));
    }

    /**
     * What the total counts: the documents that match by words, and, once fused, those found by
     * meaning alone that are similar enough to count; an unanswerable question has none at all,
     * whatever matched one of its words.
     */
    private static Facets.Matches matches(IndexSnapshot searcher, Candidates ranked) throws IOException {
        Candidates.Words words = ranked.words();
        if (ranked.meaning().isEmpty()) {
            return Facets.Matches.lexical(words.query(), words.total());
        }
        return ranked.hits().length == 0
                ? Facets.Matches.none()
                : Facets.Matches.fused(searcher, words.query(), words.total(), ranked.hits());
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
                RankContext context = context(searcher, query, text, List.of(), CANDIDATE_WINDOW);
                Candidates.Meaning meaning = forFitting.run(context).meaning().orElseThrow();
                List<CandidateFeatures> out = new ArrayList<>();
                for (FusionFeatures.Candidate c : meaning.features()) {
                    out.add(new CandidateFeatures(
                            HitRecords.read(searcher, c.doc()).url(), c.lexical(), c.features()));
                }
                return new FusionCase(out, NoResultsRule.knownShare(ranking, context), meaning.offTopic());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static List<String> candidateFeatureNames() {
        return FusionFeatures.NAMES;
    }

    /**
     * How the query was understood and how the first hits were ranked, for people tuning ranking:
     * the Lucene query, then the cascade stage by stage, then per hit what each stage made of it.
     */
    public String explain(SearchRequest request) {
        QueryText text = QueryText.parse(request.query());
        return index.withSnapshot(searcher -> {
            try {
                RankContext context =
                        context(searcher, request.query(), text, request.categories(), request.limit() + DEDUPE_SLACK);
                List<RankCascade.Step> steps = cascade.trace(context);
                ScoreDoc[] ranked = steps.get(steps.size() - 1).after().hits();
                return CascadeExplanation.of(steps, distinctByUrl(searcher, ranked, 0, request.limit()), context);
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
                List<ScoreDoc> page = distinctByUrl(searcher, ranked.hits(), 0, Answers.CANDIDATES);
                List<SearchHit> hits = toHits(searcher, ranked.built(), page);
                Answer answer = answers.best(
                        searcher,
                        ranked.built(),
                        page,
                        hits,
                        ranked.candidates().lexical(),
                        ranked.candidates()
                                .meaning()
                                .map(Candidates.Meaning::nearest)
                                .orElse(new ScoreDoc[0]),
                        ranked.features(),
                        ranked.features().isEmpty()
                                ? 0
                                : ranked.candidates().meaning().get().offTopic());
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
