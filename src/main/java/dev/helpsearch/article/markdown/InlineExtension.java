package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import java.util.Set;
import java.util.function.Function;

/**
 * flexmark's factory for an inline extension that starts at {@code characters} and has no ordering
 * constraints against other extensions: the same five answers for every such extension, written once.
 */
record InlineExtension(String characters, Function<LightInlineParser, InlineParserExtension> create)
        implements InlineParserExtensionFactory {

    @Override
    public CharSequence getCharacters() {
        return characters;
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return null;
    }

    @Override
    public InlineParserExtension apply(LightInlineParser parser) {
        return create.apply(parser);
    }

    @Override
    public boolean affectsGlobalScope() {
        return false;
    }
}
