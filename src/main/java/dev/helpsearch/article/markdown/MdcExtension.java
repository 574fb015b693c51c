package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/** Teaches flexmark the MDC syntax of Nuxt Content help centers: components, slots, attributes. */
public final class MdcExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private MdcExtension() {}

    public static MdcExtension create() {
        return new MdcExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new ParseGuard());
        builder.customBlockParserFactory(new HeadingStart());
        builder.customBlockParserFactory(new MdcBlockParser.Factory());
        builder.customBlockParserFactory(new MdcSlotParser.Factory());
        builder.customInlineParserExtensionFactory(new InlineExtension(":{", MdcInlineParser::new));
        builder.customInlineParserExtensionFactory(new InlineExtension("<", InlineHtml::new));
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(new MdcHtmlRenderer.Factory());
        // called for every element rendered: where the time budget is checked while rendering
        builder.attributeProviderFactory(new IndependentAttributeProviderFactory() {
            @Override
            public AttributeProvider apply(LinkResolverContext context) {
                return (node, part, attributes) -> ParseContext.current().check();
            }
        });
    }
}
