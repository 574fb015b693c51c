package dev.helpsearch.search.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.core.SmallIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the query builder asks of the index's term dictionaries, on a small real index. */
class IndexVocabularyTest {

    @TempDir
    static Path work;

    private static LiveIndex live;

    @BeforeAll
    static void index() throws IOException {
        live = SmallIndex.of(work, SmallIndex.GATEWAY);
    }

    @AfterAll
    static void close() throws IOException {
        live.close();
    }

    private static <T> T ask(Function<IndexVocabulary, T> question) {
        return live.withSnapshot(
                snapshot -> question.apply(new IndexVocabulary(snapshot.getIndexReader(), Ranking.defaults())));
    }

    private static boolean yes(Predicate<IndexVocabulary> question) {
        return ask(question::test);
    }

    private static long count(ToLongFunction<IndexVocabulary> question) {
        return ask(question::applyAsLong);
    }

    private static List<WordGroup> kept(Function<IndexVocabulary, List<WordGroup>> question) {
        return ask(question);
    }

    private static WordGroup group(String... words) {
        return new WordGroup(List.of(words).stream()
                .map(w -> new WordGroup.Alternative(List.of(w), false))
                .toList());
    }

    @Test
    void aGroupIsKnownWhenAnyOfItsTermsIsIndexed() {
        assertThat(yes(v -> v.isKnown(List.of("kubernetes", "gateway")))).isTrue();
        assertThat(yes(v -> v.isKnown(List.of("kubernetes", "helm")))).isFalse();
    }

    @Test
    void aGroupsFrequencyIsItsCommonestTerms() {
        // "gateway" is in the article and both its sections, "permission" in one section and the article
        long gateway = count(v -> v.docFrequency(List.of("gateway")));
        long permission = count(v -> v.docFrequency(List.of("permission")));

        assertThat(gateway).isGreaterThan(permission).isPositive();
        assertThat(count(v -> v.docFrequency(List.of("permission", "gateway", "kubernetes"))))
                .isEqualTo(gateway);
        assertThat(count(v -> v.docFrequency(List.of("kubernetes")))).isZero();
    }

    @Test
    void theWordBeingTypedIsAWordOrTheStartOfSome() {
        assertThat(yes(v -> v.hasPrefix("gatew"))).isTrue();
        assertThat(yes(v -> v.hasPrefix("gatewz"))).isFalse();
        assertThat(yes(v -> v.isVocabularyWord("gateway"))).isTrue();
        assertThat(yes(v -> v.isVocabularyWord("gatew"))).isFalse();
    }

    @Test
    void ofALongTextTheRarestKnownGroupsAreKeptInQueryOrderAndTheTypedWordAlways() {
        // a common word, a rare one, unknown ones, then the word being typed last
        List<WordGroup> groups = IntStream.range(0, 6)
                .mapToObj(i -> group("unknown" + (char) ('a' + i)))
                .collect(Collectors.toCollection(ArrayList::new));
        groups.add(0, group("gateway"));
        groups.add(1, group("permission"));
        groups.add(group("typed"));

        List<WordGroup> kept = kept(v -> v.mostInformative(groups, 3, true));

        assertThat(kept).containsExactly(groups.get(0), groups.get(1), groups.get(groups.size() - 1));
        assertThat(kept(v -> v.mostInformative(groups, 2, false))).containsExactly(groups.get(0), groups.get(1));
        assertThat(kept(v -> v.mostInformative(groups, groups.size(), false))).isSameAs(groups);
    }
}
