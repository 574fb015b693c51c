package dev.helpsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.index.Reindexer;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.SearchHit;
import dev.helpsearch.search.core.Urls;
import dev.helpsearch.search.rank.CandidateFeatures;
import dev.helpsearch.search.rank.FusionCase;
import dev.helpsearch.search.rank.SemanticModel;
import dev.helpsearch.semantic.BgeSmallEmbedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Questions the help center does not cover get no results in hybrid mode, while its own
 * questions, in other words than the articles' too, keep theirs: the real model over a real
 * index on disk, with the shipped fusion model.
 */
class NoResultsTest {

    static BgeSmallEmbedder model;

    @TempDir
    static Path work;

    static LiveIndex live;
    static HelpSearch search;

    @BeforeAll
    static void indexASmallHelpCenter() throws IOException {
        model = BgeSmallEmbedder.load();
        Path articles = work.resolve("articles");
        write(articles.resolve("account/01.sign-in.md"), """
                ---
                title: Cannot sign in
                description: Fix problems signing in to your account.
                ---

                ## Wrong password

                After five wrong passwords the account is locked for fifteen minutes. Reset the password from
                the sign-in page to unlock it at once.

                ## Session expired

                Sessions end after 30 days of inactivity. Sign in again; your settings are kept.
                """);
        write(articles.resolve("desktop/01.black-screen.md"), """
                ---
                title: Cloud desktop shows a black screen
                description: The viewer opens but shows nothing.
                ---

                ## Graphics driver

                A black screen after connecting usually means the viewer's graphics acceleration failed. Turn off
                hardware acceleration in the viewer settings and reconnect.

                ## Network blocks the stream

                The desktop stream uses UDP port 3478. A firewall that blocks it leaves the screen black; ask your
                administrator to allow it.
                """);
        write(articles.resolve("gateway/01.port-in-use.md"), """
                ---
                title: Gateway fails to start
                description: Port conflicts and permission problems.
                ---

                ## Port conflict

                Another process is already using port 18789. Stop it, or start the gateway on another port with
                the port flag.
                """);
        Path index = work.resolve("index");
        new Reindexer(articles, index, false, new IndexBuilder(model), metadata -> {}).reindex();
        live = LiveIndex.open(index);
        search = new HelpSearch(live, new Urls(null), SemanticModel.ready(model));
    }

    @AfterAll
    static void close() throws IOException {
        live.close();
        model.close();
    }

    @Test
    void unrelatedQuestionsHaveNoResultsAtAll() {
        // ("refund my invoice" is not among them: near enough to the account article, it still gets it)
        for (String question : new String[] {
            "how do I bake a cake",
            "kubernetes helm chart",
            "best pizza in naples",
            "what is the weather tomorrow",
            "how to knit a scarf"
        }) {
            SearchResults results = search.search(SearchRequest.of(question));
            assertThat(results.total()).as(question).isZero();
            assertThat(results.hits()).as(question).isEmpty();
            assertThat(search.answer(question).answer()).as(question).isNull();
        }
    }

    @Test
    void theHelpCentersOwnQuestionsKeepTheirResults() {
        assertThat(search.search(SearchRequest.of("viewer shows a black screen"))
                        .hits()
                        .get(0)
                        .path())
                .isEqualTo("/desktop/black-screen");
        assertThat(search.search(SearchRequest.of("port 18789 already in use"))
                        .hits()
                        .get(0)
                        .url())
                .isEqualTo("/gateway/port-in-use#port-conflict");
        // no word in common with its section
        SearchResults locked = search.search(SearchRequest.of("locked out after too many attempts"));
        assertThat(locked.total()).isPositive();
        assertThat(locked.hits()).extracting(SearchHit::url).contains("/account/sign-in#wrong-password");
    }

    @Test
    void totalCountsWhatMatchesNotTheCandidateList() {
        SearchResults results = search.search(SearchRequest.of("port 18789 already in use"));
        // the corpus has 9 documents; the vector side's candidates are all of them
        assertThat(results.total()).isLessThan(9);
        assertThat(results.total()).isGreaterThanOrEqualTo(results.hits().size());
    }

    @Test
    void explainShowsEachHitsFusedScoreByFeature() {
        String explained = search.explain(SearchRequest.of("port 18789 already in use"));
        String first = explained
                .lines()
                .dropWhile(line -> !line.startsWith("/gateway/port-in-use#port-conflict"))
                .skip(1)
                .findFirst()
                .orElseThrow();
        assertThat(first.strip())
                .startsWith("fused ")
                .contains("(words, similarity ")
                .contains("lexicalTop 1.000 x ");
    }

    @Test
    void candidatesCarryBothSidesFeatures() {
        FusionCase fusionCase = search.candidates("port 18789 already in use");
        java.util.List<String> names = HelpSearch.candidateFeatureNames();
        CandidateFeatures conflict = fusionCase.candidates().stream()
                .filter(c -> c.url().equals("/gateway/port-in-use#port-conflict"))
                .findFirst()
                .orElseThrow();
        assertThat(conflict.lexical()).isTrue();
        assertThat(conflict.features()[names.indexOf("lexicalTop")]).isEqualTo(1.0);
        assertThat(conflict.features()[names.indexOf("strictMatch")]).isEqualTo(1.0);
        assertThat(conflict.features()[names.indexOf("similarity")]).isBetween(0.5, 1.0);
        // every document is a semantic candidate on a corpus this small; those without the words are not lexical
        assertThat(fusionCase.candidates()).anySatisfy(c -> {
            assertThat(c.lexical()).isFalse();
            assertThat(c.features()[names.indexOf("lexicalRank")]).isZero();
            assertThat(c.features()[names.indexOf("semanticRank")]).isPositive();
        });
        assertThat(fusionCase.knownShare()).isEqualTo(1.0);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
