package dev.helpsearch.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, as the Hugging Face {@code tokenizers} library runs it for
 * bge-small-en-v1.5 (BertNormalizer, BertPreTokenizer, WordPiece), written here so that no native
 * tokenizer library has to be unpacked into the user's home folder. Checked token for token
 * against the reference implementation's output (see the tests).
 */
public final class WordPieceTokenizer {

    private static final String CONTINUATION = "##";
    private static final int MAX_CHARS_PER_WORD = 100;

    private final Map<String, Integer> vocabulary;
    /** By id: whether the piece continues a word ("##ing"). */
    private final boolean[] continuation;

    private final int unknown;
    private final int classification;
    private final int separator;

    WordPieceTokenizer(Map<String, Integer> vocabulary) {
        this.vocabulary = Map.copyOf(vocabulary);
        this.continuation = new boolean
                [vocabulary.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
        vocabulary.forEach((piece, id) -> continuation[id] = piece.startsWith(CONTINUATION));
        this.unknown = id("[UNK]");
        this.classification = id("[CLS]");
        this.separator = id("[SEP]");
    }

    /** Reads the vocabulary of a Hugging Face {@code tokenizer.json} with a WordPiece model. */
    public static WordPieceTokenizer fromTokenizerJson(InputStream json) throws IOException {
        JsonNode model = new ObjectMapper().readTree(json).path("model");
        if (!"WordPiece".equals(model.path("type").asText())) {
            throw new IOException(
                    "not a WordPiece tokenizer: " + model.path("type").asText());
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            vocabulary.put(entry.getKey(), entry.getValue().asInt());
        }
        return new WordPieceTokenizer(vocabulary);
    }

    private int id(String token) {
        Integer id = vocabulary.get(token);
        if (id == null) {
            throw new IllegalArgumentException("the vocabulary has no " + token);
        }
        return id;
    }

    public int classificationId() {
        return classification;
    }

    public int separatorId() {
        return separator;
    }

    /**
     * The word pieces of {@code text}, without the special tokens around them. Each word is a run
     * of pieces, the ones after the first marked by {@link #isContinuation}.
     */
    public List<Integer> tokenize(String text) {
        List<Integer> ids = new ArrayList<>();
        for (String word : preTokenize(normalize(text))) {
            wordPieces(word, ids);
        }
        return ids;
    }

    /** True for a piece that continues the word before it ("##ing"). */
    public boolean isContinuation(int id) {
        return id >= 0 && id < continuation.length && continuation[id];
    }

    /** BertNormalizer: clean text, space out CJK ideographs, strip accents, lower-case. */
    static String normalize(String text) {
        StringBuilder cleaned = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
            }
            if (isWhitespace(c)) {
                cleaned.append(' ');
            } else if (isChineseCharacter(c)) {
                cleaned.append(' ').appendCodePoint(c).append(' ');
            } else {
                cleaned.appendCodePoint(c);
            }
        });
        String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        decomposed
                .codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(stripped::appendCodePoint);
        return stripped.toString().toLowerCase(Locale.ROOT);
    }

    /** BertPreTokenizer: split at whitespace, and every punctuation character is a word of its own. */
    static List<String> preTokenize(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (isWhitespace(c)) {
                flush(word, words);
            } else if (isPunctuation(c)) {
                flush(word, words);
                words.add(new String(Character.toChars(c)));
            } else {
                word.appendCodePoint(c);
            }
        });
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** Greedy longest-match-first; a word that cannot be spelled from the vocabulary is one unknown token. */
    private void wordPieces(String word, List<Integer> ids) {
        if (word.codePointCount(0, word.length()) > MAX_CHARS_PER_WORD) {
            ids.add(unknown);
            return;
        }
        int mark = ids.size();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String piece = start > 0 ? CONTINUATION + word.substring(start, end) : word.substring(start, end);
                found = vocabulary.get(piece);
                if (found != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (found == null) {
                ids.subList(mark, ids.size()).clear();
                ids.add(unknown);
                return;
            }
            ids.add(found);
            start = end;
        }
    }

    /** As the tokenizers library: tab, newline and carriage return are whitespace, not control. */
    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED;
    }

    /** Unicode's White_Space property, as Rust's {@code char::is_whitespace}. */
    private static boolean isWhitespace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, 0x0C, '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The CJK Unified Ideographs blocks, which BERT splits into single characters. */
    private static boolean isChineseCharacter(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F)
                || (c >= 0x2B740 && c <= 0x2B81F)
                || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
