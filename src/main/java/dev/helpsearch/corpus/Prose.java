package dev.helpsearch.corpus;

import static dev.helpsearch.corpus.Vocabulary.pick;

import java.util.SplittableRandom;

/** Sentences and steps of help-center prose about one component, with identifiers in code spans. */
final class Prose {

    private final SplittableRandom random;
    private final String component;

    Prose(SplittableRandom random, String component) {
        this.random = random;
        this.component = component;
    }

    String paragraph(int sentences) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(sentence());
        }
        return out.toString();
    }

    String sentence() {
        return switch (random.nextInt(9)) {
            case 0 ->
                "If the " + component + " " + pick(random, Vocabulary.SYMPTOMS)
                        + ", another process may already be using port `" + port() + "` and the log shows `"
                        + pick(random, Vocabulary.ERRORS) + "`.";
            case 1 ->
                "The " + component + " keeps its settings in `" + pick(random, Vocabulary.FILES) + "`; the `"
                        + pick(random, Vocabulary.CONFIG_KEYS) + "` value there decides how it connects.";
            case 2 ->
                "On " + pick(random, Vocabulary.OS) + ", open **" + pick(random, Vocabulary.SETTINGS) + "** and "
                        + pick(random, Vocabulary.VERBS) + " the " + pick(random, Vocabulary.ADJECTIVES) + " "
                        + pick(random, Vocabulary.NOUNS) + ".";
            case 3 ->
                "This usually happens when the " + pick(random, Vocabulary.NOUNS) + " is "
                        + pick(random, Vocabulary.ADJECTIVES) + " or the " + pick(random, Vocabulary.NOUNS)
                        + " was changed by your administrator.";
            case 4 ->
                "An error such as `" + pick(random, Vocabulary.ERRORS) + "` or code `E" + (1000 + random.nextInt(9000))
                        + "` means the " + component + " could not reach the " + pick(random, Vocabulary.NOUNS) + ".";
            case 5 ->
                "You may need to " + pick(random, Vocabulary.ACTIONS) + " before the "
                        + pick(random, Vocabulary.ADJECTIVES) + " " + pick(random, Vocabulary.NOUNS)
                        + " appears in the " + pick(random, Vocabulary.NOUNS) + " list.";
            case 6 ->
                "Version " + version() + " and later " + pick(random, Vocabulary.VERBS) + " the "
                        + pick(random, Vocabulary.NOUNS)
                        + " automatically, so older " + pick(random, Vocabulary.NOUNS) + "s may still show the "
                        + pick(random, Vocabulary.ADJECTIVES)
                        + " state.";
            case 7 ->
                "Members with the " + pick(random, Vocabulary.ADJECTIVES) + " role can "
                        + pick(random, Vocabulary.VERBS) + " the "
                        + pick(random, Vocabulary.NOUNS) + " from the " + pick(random, Vocabulary.NOUNS)
                        + " page; others see a "
                        + pick(random, Vocabulary.ADJECTIVES) + " " + pick(random, Vocabulary.NOUNS) + " instead.";
            default ->
                "Wait a minute, then " + pick(random, Vocabulary.VERBS) + " the " + pick(random, Vocabulary.NOUNS)
                        + " again and check that the " + component + " status turns green.";
        };
    }

    String step() {
        return switch (random.nextInt(5)) {
            case 0 -> "Open `" + pick(random, Vocabulary.FILES) + "` in a text editor.";
            case 1 ->
                "Go to **" + pick(random, Vocabulary.SETTINGS) + "** and " + pick(random, Vocabulary.VERBS) + " the "
                        + pick(random, Vocabulary.NOUNS) + ".";
            case 2 -> "Run `" + pick(random, Vocabulary.COMMANDS) + "` in your terminal.";
            case 3 ->
                "Change the `\"" + pick(random, Vocabulary.CONFIG_KEYS) + "\"` value (for example to `" + port()
                        + "`) and save the file.";
            default ->
                "Click **" + ArticleComposer.capitalize(pick(random, Vocabulary.ACTIONS)) + "** and wait for the "
                        + component + " to reconnect.";
        };
    }

    private int port() {
        return 1024 + random.nextInt(60000);
    }

    private String version() {
        return (1 + random.nextInt(6)) + "." + random.nextInt(20) + "." + random.nextInt(10);
    }
}
