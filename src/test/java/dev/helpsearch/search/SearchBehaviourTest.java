package dev.helpsearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.index.Reindexer;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.SearchHit;
import dev.helpsearch.search.core.Urls;
import dev.helpsearch.testing.Fixtures;
import dev.helpsearch.testing.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How queries are understood, through the real index: identifiers whole and by parts, contractions,
 * synonyms, typos, the word being typed, quoted phrases and pasted tickets.
 */
class SearchBehaviourTest {

    @TempDir
    static Path work;

    static Path articles;
    static Path indexDir;
    static Reindexer reindexer;
    static LiveIndex live;
    static HelpSearch search;

    @BeforeAll
    static void build() throws IOException {
        articles = work.resolve("articles");
        Folders.copyTree(Fixtures.HELP_CENTER, articles);
        Files.createDirectories(articles.resolve("dev"));
        Files.writeString(articles.resolve("dev/01.fetching.md"), """
                ---
                title: Data fetching
                description: Load data in pages and components.
                ---

                ## Fetching in setup

                Call `useFetch()` in a page's setup function to load data on the server and the client.

                ```ts [nuxt.config.ts]
                export default defineNuxtConfig({ ssr: true })
                ```

                ## Runtime requirements

                Install node.js 20 or newer before you build.
                """);
        indexDir = work.resolve("index");
        reindexer = new Reindexer(articles, indexDir, false, new IndexBuilder(), metadata -> refresh());
        assertThat(reindexer.reindex().replaced()).isTrue();
        live = LiveIndex.open(indexDir);
        search = new HelpSearch(live, Urls.relative());
    }

    @AfterAll
    static void close() throws IOException {
        live.close();
    }

    private static void refresh() {
        if (live != null) {
            try {
                live.refresh();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> urls(String query) {
        return search.search(new SearchRequest(query, 10, 0, null)).hits().stream()
                .map(SearchHit::url)
                .toList();
    }

    private static String first(String query) {
        List<String> urls = urls(query);
        assertThat(urls).as(query).isNotEmpty();
        return urls.get(0);
    }

    @Test
    void identifiersMatchWholeAndByTheirParts() {
        String fetching = "/dev/fetching#fetching-in-setup";
        assertThat(first("useFetch")).isEqualTo(fetching);
        assertThat(first("use fetch")).isEqualTo(fetching);
        assertThat(first("usefetch")).isEqualTo(fetching);
        assertThat(first("nuxt.config.ts")).isEqualTo(fetching);
        assertThat(urls("nuxt config")).contains(fetching);
        assertThat(first("node.js")).isEqualTo("/dev/fetching#runtime-requirements");
        assertThat(first("node js")).isEqualTo("/dev/fetching#runtime-requirements");

        String gateway = "/troubleshooting/gateway-fails-to-start";
        assertThat(first("data_dir")).isEqualTo(gateway + "#data-directory-inaccessible");
        assertThat(first("lsof -i :18789")).isEqualTo(gateway + "#port-conflict");
        assertThat(urls("18789")).contains(gateway + "#port-conflict");
        assertThat(urls("openclaw.json"))
                .contains(gateway + "#port-conflict", gateway + "#data-directory-inaccessible");
        assertThat(first("~/.openclaw/logs/gateway.log")).startsWith(gateway + "#still-not-working");
    }

    @Test
    void aMatchOnlyInCodeIsSnippetedFromTheCodeAndProseWinsOtherwise() {
        SearchHit inCode = search.search(new SearchRequest("defineNuxtConfig ssr", 10, 0, null))
                .hits()
                .get(0);
        assertThat(inCode.url()).isEqualTo("/dev/fetching#fetching-in-setup");
        assertThat(inCode.snippet()).contains("<mark>defineNuxtConfig</mark>").contains("<mark>ssr</mark>");

        SearchHit inProse = search.search(new SearchRequest("useFetch setup", 10, 0, null))
                .hits()
                .get(0);
        assertThat(inProse.url()).isEqualTo("/dev/fetching#fetching-in-setup");
        assertThat(inProse.snippet()).startsWith("Call <mark>useFetch").doesNotContain("defineNuxtConfig");
    }

    @Test
    void errorCodesFindTheirSectionThroughSynonyms() {
        assertThat(first("EADDRINUSE")).isEqualTo("/troubleshooting/gateway-fails-to-start#port-conflict");
        // the article's intro sums up all its causes, so it may lead; the section must follow right away
        List<String> pasted = urls("Error: listen EADDRINUSE: address already in use 127.0.0.1:18789");
        assertThat(pasted.get(0)).startsWith("/troubleshooting/gateway-fails-to-start");
        assertThat(pasted.subList(0, 2)).contains("/troubleshooting/gateway-fails-to-start#port-conflict");
    }

    @Test
    void contractionsMeetTheirSpelledOutForms() {
        assertThat(first("can't sign in")).startsWith("/troubleshooting/cannot-sign-in");
        assertThat(first("cant sign in")).startsWith("/troubleshooting/cannot-sign-in");
        assertThat(first("gateway won't start")).startsWith("/troubleshooting/gateway-fails-to-start");
    }

    @Test
    void theWordBeingTypedMatchesAsAPrefix() {
        assertThat(first("gatew")).startsWith("/troubleshooting/gateway-fails-to-start");
        assertThat(first("sig")).startsWith("/troubleshooting/cannot-sign-in");
        assertThat(first("port conf")).isEqualTo("/troubleshooting/gateway-fails-to-start#port-conflict");
    }

    @Test
    void misspellingsAreForgivenAndOfferedAsDidYouMean() {
        SearchResults results = search.search(new SearchRequest("gatway fials to strat", 5, 0, null));
        assertThat(results.didYouMean()).isEqualTo("gateway fails to start");
        assertThat(results.hits().get(0).url()).startsWith("/troubleshooting/gateway-fails-to-start");
        assertThat(search.search(SearchRequest.of("gateway fails to start")).didYouMean())
                .isNull();
    }

    @Test
    void quotedPhrasesAreHonoured() {
        // exactly the two sections that say "session token", not those that say "session" and "token"
        assertThat(urls("\"session token\""))
                .containsExactlyInAnyOrder(
                        "/troubleshooting/cloud-desktop-not-connecting#session-token-expired",
                        "/troubleshooting/cannot-sign-in#expired-or-invalid-session");
        assertThat(urls("\"token session\"")).isEmpty();
    }

    @Test
    void aPastedTicketStillFindsItsSection() {
        String ticket = """
                Hello support team, hope you're well. Since this morning the desktop app shows our gateway with a red
                Error status. I tried restarting it a few times, and our IT says another program on the machine is
                already using the port it needs. What should I change? Thanks a lot, Maria
                """;
        assertThat(first(ticket)).isEqualTo("/troubleshooting/gateway-fails-to-start#port-conflict");
    }

    @Test
    void editorsSynonymsSwitchWithTheIndex() throws IOException {
        assertThat(urls("zebracorn")).isEmpty();
        Path synonyms = articles.resolve("synonyms.txt");
        String original = Files.readString(synonyms);
        try {
            Files.writeString(synonyms, original + "\nzebracorn, port conflict\n");
            assertThat(reindexer.reindex().replaced()).isTrue();
            assertThat(first("zebracorn")).isEqualTo("/troubleshooting/gateway-fails-to-start#port-conflict");
        } finally {
            Files.writeString(synonyms, original);
            reindexer.reindex();
        }
        assertThat(urls("zebracorn")).isEmpty();
    }

    @Test
    void aBadSynonymsFileIsReportedWithItsLineAndKeepsTheIndex() throws IOException {
        Path synonyms = articles.resolve("synonyms.txt");
        String original = Files.readString(synonyms);
        try {
            Files.writeString(synonyms, "ok, fine\nlog in => sign in => enter\n");
            Reindexer.Outcome outcome = reindexer.reindex();
            assertThat(outcome.replaced()).isFalse();
            assertThat(outcome.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("synonyms.txt");
                assertThat(p.line()).isEqualTo(2);
            });
        } finally {
            Files.writeString(synonyms, original);
        }
    }

    @Test
    void builtInSynonymsCanBeSwitchedOff(@TempDir Path other) throws IOException {
        Path folder = other.resolve("articles");
        Files.createDirectories(folder);
        Files.writeString(
                folder.resolve("access.md"),
                "---\ntitle: Access\n---\n\n## Sign in with a key\n\nUse your key to sign in.\n");
        Path index = other.resolve("index");
        Reindexer local = new Reindexer(folder, index, false, new IndexBuilder(), metadata -> {});
        local.reindex();
        try (LiveIndex builtin = LiveIndex.open(index)) {
            assertThat(new HelpSearch(builtin, Urls.relative())
                            .search(SearchRequest.of("login"))
                            .hits())
                    .isNotEmpty();
        }
        Files.writeString(folder.resolve("synonyms.txt"), "# builtin-synonyms: off\n");
        local.reindex();
        try (LiveIndex plain = LiveIndex.open(index)) {
            assertThat(new HelpSearch(plain, Urls.relative())
                            .search(SearchRequest.of("login"))
                            .hits())
                    .isEmpty();
        }
    }
}
