package dev.helpsearch.search.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class KnownWordsTest {

    @Test
    void theShareIsOfContentWordsSearched() {
        // three content words typed, one searched
        assertThat(KnownWords.share("kubernetes helm chart", 1)).isEqualTo(1.0 / 3, Offset.offset(1e-9));
        assertThat(KnownWords.share("kubernetes helm chart", 3)).isEqualTo(1.0);
    }

    @Test
    void functionWordsAreNotCounted() {
        // "how", "do", "i", "a" are weak: two content words
        assertThat(KnownWords.share("how do I bake a cake", 1)).isEqualTo(0.5);
    }

    @Test
    void aRepeatedWordCountsOnce() {
        assertThat(KnownWords.share("port port port in use", 2)).isEqualTo(1.0);
    }

    @Test
    void aQueryWithoutContentWordsIsFullyKnown() {
        assertThat(KnownWords.share("", 0)).isEqualTo(1.0);
        assertThat(KnownWords.share("how do I", 0)).isEqualTo(1.0);
    }

    @Test
    void aLongTextIsMeasuredAgainstTheWordGroupsALongQueryCanSearch() {
        StringBuilder ticket = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            ticket.append("word")
                    .append((char) ('a' + i % 26))
                    .append((char) ('a' + i / 26))
                    .append(' ');
        }
        assertThat(KnownWords.share(ticket.toString(), QueryBuilder.MAX_SEARCHED_GROUPS))
                .isEqualTo(1.0);
    }
}
