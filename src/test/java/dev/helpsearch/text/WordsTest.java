package dev.helpsearch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void wordsAreWhatLiesBetweenSpaces() {
        assertThat(Words.count("")).isZero();
        assertThat(Words.count("   ")).isZero();
        assertThat(Words.count("port 18789 already in use")).isEqualTo(5);
        assertThat(Words.count("  useFetch()\treturns\nnull ")).isEqualTo(3);
        assertThat(Words.of(" can't sign in ")).containsExactly("can't", "sign", "in");
    }
}
