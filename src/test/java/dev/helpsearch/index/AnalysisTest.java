package dev.helpsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    @Test
    void contractionsAreSpelledOutNotSplitIntoJunk() throws IOException {
        Analyzer query = Analysis.englishQuery();
        assertThat(tokens(query, "can't")).containsExactly("can", "not");
        assertThat(tokens(query, "Cannot")).containsExactly("can", "not");
        assertThat(tokens(query, "cant")).containsExactly("can", "not");
        assertThat(tokens(query, "won\u2019t")).containsExactly("will", "not");
        assertThat(tokens(query, "doesn't")).containsExactly("do", "not");
        assertThat(tokens(query, "isn't working")).containsExactly("is", "not", "working");
        assertThat(tokens(query, "you're")).containsExactly("you");
    }

    @Test
    void indexingKeepsTheWrittenContractionForPrefixes() throws IOException {
        assertThat(tokens(Analysis.english(), "won't start")).containsExactly("will", "won't", "not", "start");
    }

    @Test
    void englishStemsFoldsAndDropsPossessives() throws IOException {
        assertThat(tokens(Analysis.englishQuery(), "MultiClaw's Café connections failed"))
                .containsExactly("multiclaw", "cafe", "connection", "fail");
    }

    @Test
    void identifiersStayWholeAndSplitIntoParts() throws IOException {
        Analyzer identifiers = Analysis.identifiers(false);
        assertThat(tokens(identifiers, "~/.openclaw/openclaw.json"))
                .contains("openclaw.json", "openclaw", "json")
                .doesNotContain("~/.openclaw/openclaw.json");
        assertThat(tokens(identifiers, "data_dir")).contains("data_dir", "data", "dir");
        assertThat(tokens(identifiers, "useFetch")).contains("usefetch", "use", "fetch");
        assertThat(tokens(identifiers, "nuxt.config.ts")).contains("nuxt.config.ts", "nuxt", "config", "ts");
        assertThat(tokens(identifiers, "lsof -i :18789")).contains("lsof", "i", "18789");
        assertThat(tokens(identifiers, "node.js")).contains("node.js", "node", "js");
        assertThat(tokens(identifiers, "EADDRINUSE")).containsExactly("eaddrinuse");
        assertThat(tokens(identifiers, "see openclaw.json.")).contains("openclaw.json");
    }

    @Test
    void suggestionPrefixesCoverEveryWordStart() throws IOException {
        assertThat(tokens(Analysis.suggestPrefixes(), "Cannot sign in"))
                .contains("c", "ca", "cannot", "s", "si", "sig", "sign", "in");
    }
}
