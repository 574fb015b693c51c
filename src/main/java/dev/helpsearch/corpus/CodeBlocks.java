package dev.helpsearch.corpus;

import static dev.helpsearch.corpus.Vocabulary.pick;

import java.util.SplittableRandom;

/** Fenced code blocks as help articles show them: a shell session or a configuration file. */
final class CodeBlocks {

    private CodeBlocks() {}

    static String shell(SplittableRandom random) {
        int port = 1024 + random.nextInt(60000);
        return "```bash\n" + "lsof -i :" + port + "\n" + pick(random, Vocabulary.COMMANDS) + "\n" + "```\n";
    }

    static String config(SplittableRandom random) {
        String file = random.nextBoolean() ? "config.json" : "gateway.json";
        return "```json [" + file + "]\n"
                + "{\n"
                + "  \"" + pick(random, Vocabulary.CONFIG_KEYS) + "\": " + (1024 + random.nextInt(60000)) + ",\n"
                + "  \"" + pick(random, Vocabulary.CONFIG_KEYS) + "\": \"" + pick(random, Vocabulary.ADJECTIVES)
                + "\"\n"
                + "}\n"
                + "```\n";
    }
}
