package dev.helpsearch.corpus;

import dev.helpsearch.article.Article;
import dev.helpsearch.article.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A realistic query mix taken from any corpus, for corpora without a judged query set (the
 * generated ones): short queries, words being typed, typos, pasted tickets and identifiers, in
 * equal shares, drawn from the articles' own headings, prose and code spans.
 */
public final class QueryMix {

    public static final List<String> TYPES = List.of("short", "prefix", "typo", "ticket", "identifier");
    private static final Pattern CODE_SPAN = Pattern.compile("<code>([^<\\n]{3,40})</code>");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{4,}");

    private QueryMix() {}

    /** {@code perType} queries of each type, interleaved, the same for the same articles and seed. */
    public static List<BenchQuery> of(List<Article> articles, int perType, long seed) {
        List<Section> sections = articles.stream()
                .flatMap(a -> a.sections().stream())
                .filter(s -> words(s.heading()).length > 0)
                .toList();
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("no sections with headings to take queries from");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<BenchQuery> mix = new ArrayList<>();
        for (int i = 0; i < perType; i++) {
            for (String type : TYPES) {
                Section section = sections.get(random.nextInt(sections.size()));
                mix.add(new BenchQuery(type, query(type, section, random)));
            }
        }
        return List.copyOf(mix);
    }

    private static String query(String type, Section section, SplittableRandom random) {
        String[] words = words(section.heading());
        return switch (type) {
            case "short" -> String.join(" ", Arrays.copyOf(words, Math.min(2, words.length)));
            case "prefix" ->
                words.length > 1
                        ? words[0] + " " + words[1].substring(0, Math.min(3, words[1].length()))
                        : words[0].substring(0, Math.min(3, words[0].length()));
            case "typo" ->
                typo(words[random.nextInt(words.length)]) + (words.length > 1 ? " " + words[words.length - 1] : "");
            case "ticket" ->
                "Hi, since this morning I get this: " + firstSentence(section.text())
                        + " I already tried restarting my computer. What should I do? Thanks";
            case "identifier" -> identifier(section, words);
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static String[] words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words.toArray(String[]::new);
    }

    /** Two neighbouring letters swapped in the middle of the word, the commonest typing slip. */
    private static String typo(String word) {
        int i = word.length() / 2;
        return word.substring(0, i - 1) + word.charAt(i) + word.charAt(i - 1) + word.substring(i + 1);
    }

    private static String firstSentence(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        int end = flat.indexOf(". ");
        String sentence = end > 0 ? flat.substring(0, end + 1) : flat;
        return sentence.length() > 300 ? sentence.substring(0, 300) : sentence;
    }

    /** A code span of the section as someone would paste it (an error code, a file, a setting), else its heading's rarest-looking word. */
    private static String identifier(Section section, String[] words) {
        Matcher m = CODE_SPAN.matcher(section.html() == null ? "" : section.html());
        if (m.find()) {
            return m.group(1)
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&");
        }
        String longest = words[0];
        for (String w : words) {
            if (w.length() > longest.length()) {
                longest = w;
            }
        }
        return longest;
    }
}
