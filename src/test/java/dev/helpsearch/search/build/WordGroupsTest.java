package dev.helpsearch.search.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.SmallIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The word groups Lucene's walk of the token graph gives, with the index's synonyms: which
 * readings of a position are the user's words and which are synonyms, in the graph's order.
 */
class WordGroupsTest {

    @TempDir
    static Path work;

    private static LiveIndex live;

    @BeforeAll
    static void index() throws IOException {
        live = SmallIndex.of(work, Map.of("synonyms.txt", """
                # builtin-synonyms: off
                machine, vm
                login, sign in
                reboot => restart
                """, "guide/1.machines.md", """
                ---
                title: Machines
                ---

                ## Restart a machine

                Sign in, then restart the vm.
                """));
    }

    @AfterAll
    static void close() throws IOException {
        live.close();
    }

    private static List<WordGroup> groups(String text, int maxGroups) {
        return live.withSnapshot(snapshot ->
                new WordGroups(snapshot.queryAnalyzer()).of(text, QueryBuilder.MAX_GRAPH_TOKENS, maxGroups));
    }

    private static WordGroup.Alternative typed(String... words) {
        return new WordGroup.Alternative(List.of(words), false);
    }

    private static WordGroup.Alternative synonym(String... words) {
        return new WordGroup.Alternative(List.of(words), true);
    }

    private static WordGroup group(WordGroup.Alternative... alternatives) {
        return new WordGroup(List.of(alternatives));
    }

    /** Readings come in the order of the token graph's transitions, which the terms and highlights keep. */
    @Test
    void eachPositionIsAGroupOfItsReadings() {
        assertThat(groups("login vm minute", 10))
                .containsExactly(
                        group(synonym("sign", "in"), typed("login")),
                        group(synonym("machine"), typed("vm")),
                        group(typed("minute")));
    }

    @Test
    void aMultiWordPhraseTypedIsOneGroupWithItsOneWordSynonym() {
        assertThat(groups("sign in", 10)).containsExactly(group(synonym("login"), typed("sign", "in")));
    }

    @Test
    void aReplacedWordLeavesOnlyItsReplacementMarkedAsASynonym() {
        assertThat(groups("reboot", 10)).containsExactly(group(synonym("restart")));
    }

    @Test
    void aRepeatedWordIsAGroupEachTimeAndTheFirstGroupsAreKept() {
        assertThat(groups("minute minute vm", 2)).containsExactly(group(typed("minute")), group(typed("minute")));
        assertThat(groups("?!", 10)).isEmpty();
    }
}
