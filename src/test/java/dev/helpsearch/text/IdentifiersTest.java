package dev.helpsearch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "18789",
                ":18789",
                "openclaw.json",
                "openclaw.json.",
                "~/.openclaw/openclaw.json",
                "data_dir",
                "nuxt-link",
                "-i",
                "--force",
                "@nuxt/content",
                "v3",
                "2fa",
                "useFetch",
                "definePageMeta()"
            })
    void namesAreIdentifiers(String word) {
        assertThat(Identifiers.isIdentifier(word)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"gateway", "gateway.", "can't", "sign-", "42", "~", "Gateway", "why?", "(beta)", "EADDRINUSE"})
    void wordsAreNot(String word) {
        assertThat(Identifiers.isIdentifier(word)).isFalse();
    }
}
