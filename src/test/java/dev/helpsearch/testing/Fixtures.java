package dev.helpsearch.testing;

import java.nio.file.Path;

/** Help centers the tests index. */
public final class Fixtures {

    /**
     * A frozen copy of the bundled help center (articles/ as of 4 December 2026), so that editors
     * can change the shipped articles without breaking tests about ranking, facets or redirects.
     * Only the tests about the shipped articles themselves read articles/.
     */
    public static final Path HELP_CENTER = Path.of("src/test/resources/help-center");

    private Fixtures() {}
}
