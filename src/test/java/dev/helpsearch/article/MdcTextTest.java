package dev.helpsearch.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * MDC syntax is markup: it never leaks into the text that is indexed, while everything a reader
 * sees inside components (callout bodies, slots, labels) is kept.
 */
class MdcTextTest {

    private static final String ARTICLE = """
            ---
            title: Components everywhere
            description: Checks that MDC markup stays out of the text.
            ---

            Intro with :read-more{to="/x" title="More"} and a :badge[Beta]{color="red"} badge.

            ## Callouts and cards

            ::callout{type="warning"}
            Deleting a **cloud desktop** is permanent.
            ::

            :::tip{icon="i-lucide-lightbulb"}
            Nested fences with three colons.
            :::

            ::card-group
              ::card{title="Open on StackBlitz" icon="i-simple-icons-stackblitz" to="https://stackblitz.com"}
              Online playground with code editor.
              ::
            ::

            :read-more{to="/docs/guide" title="Guide"}

            ## Slots, props and spans

            ::card
            ---
            icon: i-lucide-box
            title: Props title
            ---
            #title
            Slot heading text
            #default
            Card body with [span text]{.badge} and `useFetch()`{lang="ts"} and **bold**{.x}.
            ::

            Value {{ $doc.title }} here, a :icon{name="i-lucide-x"} icon and a :kbd[Ctrl] key.

            ::code-group
            ```bash [npm]
            npm install foo
            ```
            ::
            """;

    @Test
    void markupNeverReachesIndexedText() throws InvalidArticleException {
        Article article = new ArticleParser().parse("guide/components.md", ARTICLE);
        String text = article.intro() + "\n"
                + article.sections().stream()
                        .map(s -> s.heading() + "\n" + s.text() + "\n" + s.code())
                        .collect(Collectors.joining("\n"));

        assertThat(text)
                .doesNotContain(
                        "::",
                        ":read-more",
                        "read-more",
                        ":badge",
                        "{type=",
                        "type=\"warning\"",
                        "{.badge}",
                        "{lang",
                        "{{",
                        "$doc",
                        "#title",
                        "#default",
                        "i-lucide",
                        "icon:",
                        "{color",
                        ":kbd",
                        "card-group");
    }

    @Test
    void whatReadersSeeInsideComponentsIsKept() throws InvalidArticleException {
        Article article = new ArticleParser().parse("guide/components.md", ARTICLE);
        assertThat(article.intro()).isEqualTo("Intro with  and a Beta badge.");
        Section callouts = article.sections().get(0);
        assertThat(callouts.text())
                .contains(
                        "Deleting a cloud desktop is permanent.",
                        "Nested fences with three colons.",
                        "Online playground with code editor.");
        Section slots = article.sections().get(1);
        assertThat(slots.text())
                .contains(
                        "Slot heading text",
                        "Card body with span text and useFetch() and bold.",
                        "Value  here, a  icon and a Ctrl key.");
        // the code block's label ([npm], a file name in most docs) is searchable with its code
        assertThat(slots.code()).isEqualTo("npm\nnpm install foo");
    }

    @Test
    void componentsRenderAsStyledBoxesWithoutTheirMarkup() throws InvalidArticleException {
        Article article = new ArticleParser().parse("guide/components.md", ARTICLE);
        assertThat(article.sections().get(0).html())
                .contains("<div class=\"callout callout-warning\" role=\"note\">")
                .contains("<strong>cloud desktop</strong>")
                .doesNotContain("::");
        assertThat(article.html()).contains("id=\"callouts-and-cards\"").contains("<kbd>Ctrl</kbd>");
    }
}
