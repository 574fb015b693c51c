package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.Locale;
import java.util.Set;

/**
 * Renders MDC components the way a help center reader expects to see them: callouts as styled
 * boxes, badges and keys inline, read-more components as links. Components this renderer does
 * not know become plain containers, so their content is never lost.
 */
final class MdcHtmlRenderer implements NodeRenderer {

    private static final Set<String> CALLOUTS =
            Set.of("callout", "note", "tip", "warning", "important", "caution", "alert", "info", "danger");

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(MdcBlock.class, this::renderBlock),
                new NodeRenderingHandler<>(MdcInlineComponent.class, this::renderInline),
                new NodeRenderingHandler<>(MdcSlot.class, (node, context, html) -> {}),
                new NodeRenderingHandler<>(MdcMarkup.class, (node, context, html) -> {}));
    }

    private void renderBlock(MdcBlock block, NodeRendererContext context, HtmlWriter html) {
        String name = block.name().toLowerCase(Locale.ROOT);
        if (CALLOUTS.contains(name)) {
            String kind = name.equals("callout") ? block.attributes().getOrDefault("type", "note") : name;
            html.attr("class", "callout callout-" + cssToken(kind))
                    .attr("role", "note")
                    .withAttr()
                    .tag("div");
        } else {
            html.attr("class", "mdc mdc-" + cssToken(name)).withAttr().tag("div");
        }
        String title =
                block.label() != null ? block.label() : block.attributes().get("title");
        if (title != null && !title.isBlank()) {
            html.attr("class", "mdc-title").withAttr().tag("p").text(title).tag("/p");
        }
        context.renderChildren(block);
        String to = block.attributes().get("to");
        if (to != null && !to.isBlank() && name.equals("read-more")) {
            readMoreLink(to, html);
        }
        html.tag("/div");
    }

    private void renderInline(MdcInlineComponent component, NodeRendererContext context, HtmlWriter html) {
        String name = component.name().toLowerCase(Locale.ROOT);
        switch (name) {
            case "br" -> html.tagVoid("br");
            case "kbd" -> {
                html.tag("kbd");
                context.renderChildren(component);
                html.tag("/kbd");
            }
            case "icon" -> {}
            case "read-more" -> readMoreLink(component.attributes().getOrDefault("to", ""), html);
            default -> {
                html.attr("class", "mdc-" + cssToken(name)).withAttr().tag("span");
                context.renderChildren(component);
                html.tag("/span");
            }
        }
    }

    private static void readMoreLink(String to, HtmlWriter html) {
        if (to.isBlank()) {
            return;
        }
        html.attr("class", "read-more").withAttr().tag("p");
        html.attr("href", to).withAttr().tag("a").text("Read more").tag("/a");
        html.tag("/p");
    }

    private static String cssToken(String value) {
        return value.replaceAll("[^A-Za-z0-9_-]", "");
    }

    static final class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new MdcHtmlRenderer();
        }
    }
}
