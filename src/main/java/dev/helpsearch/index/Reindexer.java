package dev.helpsearch.index;

import dev.helpsearch.article.ArticleLoader;
import dev.helpsearch.article.ArticleProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Keeps an index in step with its articles folder: validates every article and the synonyms, and
 * only when all are valid (or invalid ones may be skipped) replaces the index and tells the
 * listener, so a running server switches to it. One run at a time; a failed run leaves the last
 * good index serving.
 */
public final class Reindexer {

    private final Path articles;
    private final Path index;
    private final boolean includeDrafts;
    private final IndexBuilder builder;
    private final Consumer<IndexMetadata> onCommit;

    /**
     * @param replaced true when a new index was committed
     * @param metadata the new index's metadata, or null when none was committed
     * @param problems the invalid articles (and synonyms), which stopped the run unless skipped
     * @param left     valid articles deliberately left out: drafts and redirects
     */
    public record Outcome(boolean replaced, IndexMetadata metadata, List<ArticleProblem> problems, int left, long millis) {
        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    public Reindexer(Path articles, Path index, boolean includeDrafts, IndexBuilder builder, Consumer<IndexMetadata> onCommit) {
        this.articles = articles;
        this.index = index;
        this.includeDrafts = includeDrafts;
        this.builder = builder;
        this.onCommit = onCommit;
    }

    public Path articles() {
        return articles;
    }

    /** Rebuilds from the articles folder unless something in it is invalid. */
    public Outcome reindex() throws IOException {
        return reindex(false);
    }

    /** Rebuilds from the articles folder; with {@code skipInvalid} the invalid articles are left out instead. */
    public synchronized Outcome reindex(boolean skipInvalid) throws IOException {
        long start = System.nanoTime();
        String fingerprint = ArticleLoader.fingerprint(articles);
        ArticleLoader.Result loaded = new ArticleLoader().load(articles, includeDrafts);
        List<ArticleProblem> problems = new ArrayList<>(loaded.problems());
        String synonyms = Synonyms.read(articles);
        try {
            Synonyms.validate(synonyms);
        } catch (Synonyms.InvalidSynonymsException e) {
            problems.add(0, new ArticleProblem(Synonyms.FILE_NAME, e.line(), e.getMessage()));
            synonyms = "";
        }
        if (!problems.isEmpty() && !skipInvalid) {
            return new Outcome(false, null, problems, loaded.skipped(), millisSince(start));
        }
        IndexMetadata metadata = builder.rebuild(index, loaded.articles(), synonyms, fingerprint);
        onCommit.accept(metadata);
        return new Outcome(true, metadata, problems, loaded.skipped(), millisSince(start));
    }

    /**
     * True when the index is missing, unreadable, of another layout, or was built from other
     * versions of the article files than those in the folder now.
     */
    public boolean isStale() throws IOException {
        if (!Files.isDirectory(index)) {
            return true;
        }
        try (Directory directory = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(directory)) {
                return true;
            }
            IndexMetadata metadata = IndexMetadata.fromCommitData(SegmentInfos.readLatestCommit(directory).getUserData());
            return metadata == null
                    || metadata.schema() != IndexMetadata.CURRENT_SCHEMA
                    || !metadata.sources().equals(ArticleLoader.fingerprint(articles));
        } catch (IOException e) {
            return true;
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
