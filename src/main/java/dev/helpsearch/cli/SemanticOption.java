package dev.helpsearch.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The --semantic switch shared by the commands that index or search. */
final class SemanticOption {

    @Option(
            names = "--semantic",
            paramLabel = "on|off",
            arity = "1",
            defaultValue = "${env:HELPSEARCH_SEMANTIC:-on}",
            converter = OnOff.class,
            description = "Search by meaning as well as by words, with the in-process embedding model (default: "
                    + "${DEFAULT-VALUE}; env HELPSEARCH_SEMANTIC). off runs lexically with no model loaded.")
    boolean enabled;

    static final class OnOff implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "on", "true", "yes", "1" -> true;
                case "off", "false", "no", "0" -> false;
                default -> throw new TypeConversionException("expected on or off, not '" + value + "'");
            };
        }
    }
}
