package dev.helpsearch.search.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.index.IndexFields;
import dev.helpsearch.index.Reindexer;
import dev.helpsearch.search.AnswerResult;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.SearchRequest;
import dev.helpsearch.search.SearchResults;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.core.SearchHit;
import dev.helpsearch.search.core.Urls;
import dev.helpsearch.semantic.BgeSmallEmbedder;
import dev.helpsearch.semantic.CountingEmbedder;
import dev.helpsearch.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search by meaning with the real model over a real index on disk: what it finds that words
 * cannot, and that its vectors are cached and switched with the index like everything else.
 */
class HybridSearchTest {

    static BgeSmallEmbedder model;
    static CountingEmbedder embedder;

    @TempDir
    Path work;

    @BeforeAll
    static void loadModel() {
        model = BgeSmallEmbedder.load();
        embedder = new CountingEmbedder(model);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @BeforeEach
    void resetCounts() {
        embedder.reset();
    }

    @Test
    void aSymptomSharingNoWordWithItsSectionIsFoundByMeaningAlone() throws IOException {
        Path articles = work.resolve("articles");
        write(articles.resolve("devices/01.power.md"), """
                ---
                title: Power and charging
                description: Keep the device running through the day.
                ---

                ## Battery drains quickly

                The charge runs out fast when the device is not connected to a wall outlet. Lower the display
                brightness and close background apps to make it last longer.

                ## Charging light blinks orange

                A blinking orange light means the charger is not supplying enough current. Use the original
                charger and cable.
                """);
        write(articles.resolve("devices/02.printing.md"), """
                ---
                title: Printing
                description: Get pages onto paper.
                ---

                ## Paper jam

                Sheets get stuck in the tray. Open the rear cover and gently pull out the stuck sheet.

                ## Faded prints

                Replace the toner cartridge when text looks pale.
                """);
        write(articles.resolve("devices/03.wireless.md"), """
                ---
                title: Wireless network
                description: Stay online.
                ---

                ## Wi-Fi keeps dropping

                The wireless network disconnects every few minutes. Restart the router, then forget the network
                and join it again.
                """);
        Path index = work.resolve("index");
        new Reindexer(articles, index, false, new IndexBuilder(embedder), metadata -> {}).reindex();
        // no word in common with the section; on three articles, near enough above what unrelated
        // questions score there to count (a vaguer "my laptop dies after an hour unplugged" is not)
        String query = "computer shuts off soon after pulling the plug";
        String answer = "/devices/power#battery-drains-quickly";

        try (LiveIndex live = LiveIndex.open(index)) {
            SearchResults lexical = new HelpSearch(live, new Urls(null)).search(SearchRequest.of(query));
            SearchResults hybrid =
                    new HelpSearch(live, new Urls(null), SemanticModel.ready(embedder)).search(SearchRequest.of(query));

            assertThat(lexical.hits()).extracting(SearchHit::url).doesNotContain(answer);
            assertThat(hybrid.hits()).isNotEmpty();
            // "pull" finds the paper jam by its words; the battery section comes by meaning alone
            assertThat(hybrid.hits().subList(0, Math.min(3, hybrid.hits().size())))
                    .extracting(SearchHit::url)
                    .contains(answer);
        }
    }

    @Test
    void reIndexingEmbedsOnlyTheSectionsThatChanged() throws IOException {
        Path articles = copyOfSeed();
        Path index = work.resolve("index");
        Reindexer reindexer = new Reindexer(articles, index, false, new IndexBuilder(embedder), metadata -> {});

        Reindexer.Outcome first = reindexer.reindex();
        int documents = first.metadata().articles() + first.metadata().sections();
        assertThat(first.embedded()).isEqualTo(documents);
        assertThat(embedder.passages()).isEqualTo(documents);

        // one sentence of one section edited: only that section is read by the model again
        Path gateway = articles.resolve("troubleshooting/02.gateway-fails-to-start.md");
        String text = Files.readString(gateway);
        String sentence = "Another process on your machine is already using port";
        assertThat(text).contains(sentence);
        Files.writeString(
                gateway, text.replace(sentence, "Some other program on this computer already listens on port"));
        embedder.reset();

        Reindexer.Outcome edited = reindexer.reindex();
        assertThat(edited.changed()).isEqualTo(1);
        assertThat(edited.embedded()).isEqualTo(1);
        assertThat(embedder.passages()).isEqualTo(1);
        // the edited article's own document and its five other sections kept their vectors
        assertThat(edited.reused()).isEqualTo(6);

        // a rebuild from scratch still finds every vector in the index it replaces
        embedder.reset();
        Reindexer.Outcome full = reindexer.reindex(false, true);
        assertThat(full.anew()).isTrue();
        assertThat(full.embedded()).isZero();
        assertThat(full.reused()).isEqualTo(documents);
        assertThat(embedder.passages()).isZero();
    }

    @Test
    void aRebuildCutOffWhileEmbeddingLeavesThePreviousIndexAndItsVectorsServing() throws IOException {
        Path articles = copyOfSeed();
        Path index = work.resolve("index");
        Reindexer reindexer = new Reindexer(articles, index, false, new IndexBuilder(embedder), metadata -> {});
        reindexer.reindex();
        String query = "remote screen stays black";

        try (LiveIndex live = LiveIndex.open(index)) {
            HelpSearch search = new HelpSearch(live, new Urls(null), SemanticModel.ready(embedder));
            List<String> before = urls(search.search(SearchRequest.of(query)));
            long version = live.metadata().version();

            // every article edited, so that every document needs the model, which fails part-way
            for (Path file : markdownFiles(articles)) {
                Files.writeString(file, Files.readString(file).replace("MultiClaw", "Multi-Claw"));
            }
            embedder.reset();
            embedder.failAtPassage(5);
            assertThatThrownBy(() -> reindexer.reindex(false, true)).hasMessageContaining("embedding run cut off");

            live.refresh();
            assertThat(live.metadata().version()).isEqualTo(version);
            assertEveryDocumentHasItsVector(live);
            assertThat(urls(search.search(SearchRequest.of(query)))).isEqualTo(before);

            embedder.reset();
            Reindexer.Outcome rebuilt = reindexer.reindex();
            assertThat(rebuilt.replaced()).isTrue();
            assertThat(live.refresh()).isTrue();
            assertThat(live.metadata().version()).isEqualTo(version + 1);
            assertThat(live.metadata().embedder()).isEqualTo(model.modelId());
            assertEveryDocumentHasItsVector(live);
            assertThat(search.status().mode()).isEqualTo("hybrid");
        }
    }

    @Test
    void aQueryIsEmbeddedOnceAndTheOffTopicProbesOnceForEverySnapshot() throws IOException {
        Path articles = copyOfSeed();
        Path index = work.resolve("index");
        Reindexer reindexer = new Reindexer(articles, index, false, new IndexBuilder(embedder), metadata -> {});
        reindexer.reindex();

        try (LiveIndex live = LiveIndex.open(index)) {
            HelpSearch search = new HelpSearch(
                    live,
                    new Urls(null),
                    Ranking.defaults(),
                    HelpSearch.DEFAULT_ANSWER_THRESHOLD,
                    SemanticModel.ready(embedder),
                    new QueryVectors(100));
            embedder.reset();
            assertThat(search.warmUp()).isTrue();
            assertThat(embedder.queries()).isEqualTo(OffTopic.questions().size());

            List<String> first = urls(search.search(SearchRequest.of("remote screen stays black")));
            // the same question as typed by someone else: spaces and case do not reach the model
            List<String> again = urls(search.search(SearchRequest.of("  Remote screen   stays BLACK ")));
            assertThat(again).isEqualTo(first);
            assertThat(embedder.queries()).isEqualTo(OffTopic.questions().size() + 1);
            assertThat(search.queryVectorStats().hits()).isGreaterThanOrEqualTo(1);

            // a new snapshot measures its off-topic level again, without embedding the probes again
            Path article = markdownFiles(articles).get(0);
            Files.writeString(article, Files.readString(article) + "\n\nOne more line about the viewer.\n");
            reindexer.reindex();
            assertThat(live.refresh()).isTrue();
            embedder.reset();
            assertThat(search.warmUp()).isTrue();
            assertThat(embedder.queries()).isZero();
        }
    }

    @Test
    void withoutACacheEveryQueryIsEmbedded() throws IOException {
        Path articles = copyOfSeed();
        Path index = work.resolve("index");
        new Reindexer(articles, index, false, new IndexBuilder(embedder), metadata -> {}).reindex();
        try (LiveIndex live = LiveIndex.open(index)) {
            HelpSearch search = new HelpSearch(
                    live,
                    new Urls(null),
                    Ranking.defaults(),
                    HelpSearch.DEFAULT_ANSWER_THRESHOLD,
                    SemanticModel.ready(embedder),
                    new QueryVectors(0));
            search.search(SearchRequest.of("remote screen stays black"));
            embedder.reset();
            search.search(SearchRequest.of("remote screen stays black"));
            assertThat(embedder.queries()).isEqualTo(1);
        }
    }

    @Test
    void theInAppAnswerIsSurestWhenWordsAndMeaningAgree() throws IOException {
        Path articles = copyOfSeed();
        Path index = work.resolve("index");
        new Reindexer(articles, index, false, new IndexBuilder(embedder), metadata -> {}).reindex();

        try (LiveIndex live = LiveIndex.open(index)) {
            HelpSearch search = new HelpSearch(live, new Urls(null), SemanticModel.ready(embedder));
            AnswerResult sure = search.answer("gateway won't start, port 18789 is already in use");
            // whether it is sure enough to answer or not, the section is the first hit it would show
            String best = sure.answer() != null
                    ? sure.answer().url()
                    : sure.hits().get(0).url();
            assertThat(best).isEqualTo("/troubleshooting/gateway-fails-to-start#port-conflict");
            AnswerResult vague = search.answer("something is wrong");
            assertThat(vague.answer()).isNull();
        }

        // the fused model, as shipped: agreement of both sides is worth more than either alone
        LearnedFusion.AnswerModel fused = LearnedFusion.Model.load().answer();
        double bothFirst = fused.confidence(new Answers.FusedSignals(1, 0.2, 0, true, true, 0.2, true));
        double wordsFirst = fused.confidence(new Answers.FusedSignals(1, 0.2, 0, true, false, 0.2, true));
        double neither = fused.confidence(new Answers.FusedSignals(1, 0.2, 0, false, false, 0.2, true));
        assertThat(bothFirst).isGreaterThan(wordsFirst).isGreaterThan(neither);
        assertThat(fused.confidence(new Answers.FusedSignals(0.2, 0.0, 2, false, false, 0.0, false)))
                .isLessThan(fused.threshold());

        Answers.Signals agreed = new Answers.Signals(0.5, 0.05, 0, true, true, true);
        Answers.Signals wordsOnly = new Answers.Signals(0.5, 0.05, 0, true, false, true);
        Answers.Signals meaningOnly = new Answers.Signals(0.5, 0.05, 0, false, true, true);
        assertThat(agreed.confidence()).isGreaterThan(wordsOnly.confidence());
        assertThat(wordsOnly.confidence()).isGreaterThan(meaningOnly.confidence());
        assertThat(meaningOnly.confidence()).isLessThan(HelpSearch.DEFAULT_ANSWER_THRESHOLD);
    }

    private static void assertEveryDocumentHasItsVector(LiveIndex live) {
        live.withSnapshot(snapshot -> {
            try {
                int documents = snapshot.count(new MatchAllDocsQuery());
                assertThat(documents).isPositive();
                assertThat(snapshot.count(new FieldExistsQuery(IndexFields.VECTOR)))
                        .isEqualTo(documents);
                return null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static List<String> urls(SearchResults results) {
        return results.hits().stream().map(SearchHit::url).toList();
    }

    private Path copyOfSeed() throws IOException {
        Path articles = work.resolve("articles");
        for (Path file : markdownFiles(Fixtures.HELP_CENTER)) {
            write(articles.resolve(Fixtures.HELP_CENTER.relativize(file).toString()), Files.readString(file));
        }
        return articles;
    }

    private static List<Path> markdownFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
