package dev.helpsearch.article;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * Reads every article of a help center folder and validates it. Bad files are collected as
 * {@link ArticleProblem}s ({@code file:line: message}) rather than thrown, so an editor sees every
 * problem of a change at once. Files are only read inside the folder: a symlink that leads out of it
 * is refused, and oversized or binary files are rejected before they are parsed.
 */
public final class ArticleLoader {

    /** Larger files are refused: no help article is this big, and parsing one would stall indexing. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    private final ArticleParser parser;

    public ArticleLoader(ArticleParser parser) {
        this.parser = parser;
    }

    public ArticleLoader() {
        this(new ArticleParser());
    }

    /**
     * A fingerprint of the article files in {@code folder}: their names, sizes and modification
     * times. It changes whenever an article is added, removed or edited.
     */
    public static String fingerprint(Path folder) throws IOException {
        Path root = folder.toRealPath();
        MessageDigest digest = sha256();
        for (Path file : markdownFiles(root)) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            digest.update((relative(root, file) + "\0" + attributes.size() + "\0" + attributes.lastModifiedTime().toMillis() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * @param articles the articles, sorted by file, drafts and redirect pages left out
     * @param problems every invalid file, sorted by file
     * @param skipped  how many valid files were left out as drafts or redirects
     */
    public record Result(List<Article> articles, List<ArticleProblem> problems, int skipped) {

        public Result {
            articles = List.copyOf(articles);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Result load(Path folder, boolean includeDrafts) throws IOException {
        Path root = folder.toRealPath();
        List<Path> files = markdownFiles(root);
        ConcurrentLinkedQueue<Article> parsed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<ArticleProblem> problems = new ConcurrentLinkedQueue<>();
        files.parallelStream().forEach(file -> {
            String relative = relative(root, file);
            try {
                parsed.add(parser.parse(relative, read(root, file, relative)));
            } catch (InvalidArticleException e) {
                problems.add(e.problem());
            } catch (RuntimeException | StackOverflowError e) {
                // A parser bug must not take the whole index down; report the file instead.
                problems.add(new ArticleProblem(relative, 1, "could not be parsed: " + e));
            }
        });

        List<Article> sorted = new ArrayList<>(parsed);
        sorted.sort(Comparator.comparing(Article::file));
        List<Article> kept = new ArrayList<>();
        int skipped = 0;
        Map<String, Article> byPath = new LinkedHashMap<>();
        for (Article article : sorted) {
            if (article.redirect() != null || (article.draft() && !includeDrafts)) {
                skipped++;
                continue;
            }
            Article first = byPath.putIfAbsent(article.path(), article);
            if (first != null) {
                problems.add(new ArticleProblem(article.file(), 1,
                        "duplicate path " + article.path() + ": " + first.file() + " has the same path"));
                continue;
            }
            kept.add(article);
        }
        List<ArticleProblem> sortedProblems = new ArrayList<>(problems);
        sortedProblems.sort(Comparator.comparing(ArticleProblem::file).thenComparingInt(ArticleProblem::line));
        return new Result(kept, sortedProblems, skipped);
    }

    private static List<Path> markdownFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root))
                    .filter(p -> !isHidden(root, p))
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
                    .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static String read(Path root, Path file, String relative) throws InvalidArticleException {
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root)) {
                throw new InvalidArticleException(relative, 1, "is a symlink to " + real + ", outside the articles folder");
            }
            if (!Files.isRegularFile(real)) {
                throw new InvalidArticleException(relative, 1, "is not a regular file");
            }
            long size = Files.size(real);
            if (size > MAX_FILE_BYTES) {
                throw new InvalidArticleException(relative, 1,
                        "is " + size / 1024 + " KB; articles are limited to " + MAX_FILE_BYTES / 1024 + " KB");
            }
            return decodeUtf8(relative, Files.readAllBytes(real));
        } catch (IOException e) {
            throw new InvalidArticleException(relative, 1, "cannot be read: " + e.getMessage());
        }
    }

    /** Strict UTF-8: a wrong byte is reported with its line rather than silently replaced. */
    static String decodeUtf8(String relative, byte[] bytes) throws InvalidArticleException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new InvalidArticleException(relative, lineAt(bytes, i), "is a binary file (it contains NUL bytes), not Markdown");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidArticleException(relative, lineAt(bytes, in.position()),
                    "is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[in.position()] & 0xFF)
                            + " at offset " + in.position() + "); save it as UTF-8");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
