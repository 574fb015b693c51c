package dev.helpsearch.search.build;

import dev.helpsearch.search.query.WeakWords;
import java.util.List;

/**
 * A position of the analysed query: one word with its single-word synonyms, or (where a
 * multi-word synonym starts) alternative word sequences such as "log in" / "sign in" / "login".
 */
record WordGroup(List<Alternative> alternatives) {

    /** One way of reading a position of the query: the user's own words, or a synonym of them. */
    record Alternative(List<String> words, boolean synonym) {}

    WordGroup {
        alternatives = List.copyOf(alternatives);
    }

    List<String> terms() {
        return alternatives.stream().flatMap(a -> a.words().stream()).distinct().toList();
    }

    /** Made only of words that carry grammar, not a topic. */
    boolean weak() {
        return terms().stream().allMatch(WeakWords::contains);
    }

    boolean singleWords() {
        return alternatives.stream().allMatch(a -> a.words().size() == 1);
    }
}
