package dev.helpsearch.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Inline HTML comments are read as the help center's parser reads them, at any length; the one
 * construct that can still exhaust flexmark's stack, a tag with thousands of attributes, is
 * reported at its line instead of failing the whole load.
 */
class InlineHtmlTest {

    private static final String FRONT = "---\ntitle: Comments\n---\n\n"; // the body starts on line 5
    private static final ArticleParser PARSER = new ArticleParser();

    private static Section only(String body) throws InvalidArticleException {
        Article article = PARSER.parse("faq/comments.md", FRONT + "## Start\n\n" + body);
        assertThat(article.sections()).hasSize(1);
        return article.sections().get(0);
    }

    @Test
    void aCommentLeavesTheTextAroundItAndNothingOfItself() throws InvalidArticleException {
        Section section = only("Restart the <!-- TODO: link the\nsettings page --> gateway.\n");
        assertThat(section.text()).contains("Restart the").contains("gateway.").doesNotContain("TODO", "settings");
        assertThat(section.html()).doesNotContain("TODO");
    }

    @Test
    void aCommentOfAHundredThousandCharactersIsParsed() throws InvalidArticleException {
        String hidden = "old paragraph ".repeat(7_000) + "\n";
        Section section = only("Before <!-- " + hidden.repeat(3) + "--> after.\n");
        assertThat(section.text()).contains("Before").contains("after.").doesNotContain("old paragraph");
    }

    @Test
    void anUnclosedOpenerIsTextHoweverLongTheParagraph() throws InvalidArticleException {
        Section section = only("Type <!-- to start a comment, " + "then more words ".repeat(10_000) + "\n");
        assertThat(section.text()).contains("Type <!-- to start a comment").contains("then more words");
        assertThat(section.html()).contains("&lt;!--");
    }

    @Test
    void commentsEndAtTheFirstCloserAsInCommonMark031() throws InvalidArticleException {
        // "<!-->" and "<!--->" close themselves, and "--" inside a comment does not end it
        Section section = only("a <!--> b <!---> c <!-- x -- y --> d --> e\n");
        assertThat(section.text()).contains("a", "b", "c", "d --> e").doesNotContain("x", "y");
    }

    @Test
    void aTagWithThousandsOfAttributesIsReportedAtItsLine() {
        String tag = "<span" + " data-a=\"1\"".repeat(20_000) + ">";
        assertThatThrownBy(() -> PARSER.parse("faq/comments.md", FRONT + "## Start\n\nfine\n\nsee " + tag + " here\n"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessage("faq/comments.md:9: an HTML tag too long for the parser (it ran out of stack); shorten"
                        + " the tag or remove some of its attributes");
    }
}
