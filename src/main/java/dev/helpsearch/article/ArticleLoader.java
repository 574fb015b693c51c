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
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
            digest.update((relative(root, file) + "\0" + attributes.size() + "\0"
                            + attributes.lastModifiedTime().toMillis() + "\n")
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
     * What an index already holds of one file.
     *
     * @param path        the path of the article it was indexed as
     * @param contentHash the {@link ArticleParser#contentHash hash} of the text it was indexed from
     * @param fileStamp   the file's {@link #fileStamp stamp} when it was read, "" if unknown
     */
    public record Indexed(String path, String contentHash, String fileStamp) {}

    /**
     * @param articles the articles, sorted by file, drafts and redirect pages left out
     * @param problems every invalid file, sorted by file
     * @param skipped  how many valid files were left out as drafts or redirects
     */
    /**
     * A page that only forwards elsewhere ({@code redirect:} front matter), checked by {@link Redirects}.
     *
     * @param target where it forwards to: a path on this site or an absolute http(s) URL
     */
    public record Redirect(String file, String path, String target, String contentHash, String fileStamp) {}

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
        Scan scan = scan(folder, includeDrafts, Map.of());
        ConcurrentLinkedQueue<Article> parsed = new ConcurrentLinkedQueue<>();
        List<ArticleProblem> problems = new ArrayList<>(scan.problems());
        problems.addAll(parse(scan, parsed::add));
        problems.sort(PROBLEM_ORDER);
        List<Article> sorted = new ArrayList<>(parsed);
        sorted.sort(Comparator.comparing(Article::file));
        return new Result(sorted, problems, scan.skipped());
    }

    /**
     * The first pass over a folder: every file read and checked, its front matter read, and the
     * files sorted into those to parse, those the index already holds unchanged, and problems.
     *
     * @param toParse   new or edited files, each the only one claiming its path
     * @param unchanged files whose text is exactly what the index was built from
     * @param problems  files that cannot be indexed, so far (parsing may find more)
     * @param skipped   valid files left out as drafts or redirects
     * @param stamps    the {@link #fileStamp stamp} of each file to parse, taken before it was read
     * @param redirects new and edited redirect pages, which are indexed as redirects, not articles
     */
    public record Scan(
            Path root,
            List<String> toParse,
            List<String> unchanged,
            List<ArticleProblem> problems,
            int skipped,
            Map<String, String> stamps,
            List<Redirect> redirects) {
        public Scan {
            redirects = List.copyOf(redirects);
            toParse = List.copyOf(toParse);
            unchanged = List.copyOf(unchanged);
            problems = List.copyOf(problems);
            stamps = Map.copyOf(stamps);
        }
    }

    /**
     * Scans the folder against what an index already holds ({@code indexed}, by file). A file with
     * the size and time it was indexed at is not read; one whose text is unchanged is read and
     * checked but not parsed again. That is what makes re-indexing one edited article of thousands
     * fast. Where two files claim one path, the first
     * by file name is kept and the other reported, settled from front matter alone.
     */
    public Scan scan(Path folder, boolean includeDrafts, Map<String, Indexed> indexed) throws IOException {
        Path root = folder.toRealPath();
        ConcurrentLinkedQueue<ArticleProblem> problems = new ConcurrentLinkedQueue<>();
        // what each valid file claims: the path it goes to, and whether it must be parsed
        Map<String, Claim> claims = new ConcurrentHashMap<>();
        AtomicInteger skipped = new AtomicInteger();
        Map<String, String> stamps = new ConcurrentHashMap<>();
        markdownFiles(root).parallelStream().forEach(file -> {
            String relative = relative(root, file);
            try {
                Indexed before = indexed.get(relative);
                String stamp = fileStamp(file);
                if (before != null && !stamp.isEmpty() && stamp.equals(before.fileStamp())) {
                    claims.put(relative, new Claim(before.path(), false, 1));
                    return;
                }
                stamps.put(relative, stamp);
                String content = read(root, file, relative);
                if (before != null && before.contentHash().equals(ArticleParser.contentHash(content))) {
                    claims.put(relative, new Claim(before.path(), false, 1));
                    return;
                }
                ArticleParser.Header header = parser.header(relative, content);
                if (header.redirect()) {
                    skipped.incrementAndGet();
                    Optional<String> refused = Redirects.problem(header.redirectTarget());
                    if (refused.isPresent()) {
                        problems.add(new ArticleProblem(relative, header.redirectLine(), refused.get()));
                    } else {
                        claims.put(
                                relative,
                                new Claim(
                                        header.path(),
                                        false,
                                        header.pathLine(),
                                        new Redirect(
                                                relative,
                                                header.path(),
                                                header.redirectTarget().strip(),
                                                ArticleParser.contentHash(content),
                                                stamp)));
                    }
                } else if (header.draft() && !includeDrafts) {
                    skipped.incrementAndGet();
                } else {
                    claims.put(relative, new Claim(header.path(), true, header.pathLine()));
                }
            } catch (InvalidArticleException e) {
                problems.add(e.problem());
            } catch (RuntimeException | StackOverflowError e) {
                // A parser bug must not take the whole index down; report the file instead.
                problems.add(new ArticleProblem(relative, 1, "could not be parsed: " + e));
            }
        });

        Map<String, String> fileByPath = new HashMap<>();
        List<String> unchanged = new ArrayList<>();
        List<String> toParse = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        for (Map.Entry<String, Claim> entry : new TreeMap<>(claims).entrySet()) {
            // the route would win and the page could never be opened: an editor must choose another path
            Optional<String> reserved = ServicePaths.collision(entry.getValue().path());
            if (reserved.isPresent()) {
                problems.add(new ArticleProblem(
                        entry.getKey(),
                        entry.getValue().line(),
                        "path " + entry.getValue().path() + " collides with " + reserved.get()
                                + ", which the service answers there"));
                continue;
            }
            String first = fileByPath.putIfAbsent(entry.getValue().path(), entry.getKey());
            if (first != null) {
                problems.add(new ArticleProblem(
                        entry.getKey(),
                        1,
                        "duplicate path " + entry.getValue().path() + ": " + first + " has the same path"));
            } else if (entry.getValue().redirect() != null) {
                redirects.add(entry.getValue().redirect());
            } else if (entry.getValue().parse()) {
                toParse.add(entry.getKey());
            } else {
                unchanged.add(entry.getKey());
            }
        }
        List<ArticleProblem> sorted = new ArrayList<>(problems);
        sorted.sort(PROBLEM_ORDER);
        stamps.keySet().retainAll(new HashSet<>(toParse));
        return new Scan(root, toParse, unchanged, sorted, skipped.get(), stamps, redirects);
    }

    /**
     * The second pass: parses the scan's new and edited files and hands each article to
     * {@code sink} as soon as it is parsed (from several threads), so that indexing overlaps
     * parsing and only a few articles are held in memory at once.
     *
     * @return the files that turned out not to be valid articles
     */
    public List<ArticleProblem> parse(Scan scan, Consumer<Article> sink) {
        ConcurrentLinkedQueue<ArticleProblem> problems = new ConcurrentLinkedQueue<>();
        scan.toParse().parallelStream().forEach(relative -> {
            Article article;
            try {
                article = parser.parse(relative, read(scan.root(), scan.root().resolve(relative), relative));
            } catch (InvalidArticleException e) {
                problems.add(e.problem());
                return;
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(new ArticleProblem(relative, 1, "could not be parsed: " + e));
                return;
            }
            sink.accept(article);
        });
        List<ArticleProblem> sorted = new ArrayList<>(problems);
        sorted.sort(PROBLEM_ORDER);
        return sorted;
    }

    private static final Comparator<ArticleProblem> PROBLEM_ORDER =
            Comparator.comparing(ArticleProblem::file).thenComparingInt(ArticleProblem::line);

    /** A valid file's claim on a path; {@code parse} is false when the index already holds its text. */
    private record Claim(String path, boolean parse, int line, Redirect redirect) {

        Claim(String path, boolean parse, int line) {
            this(path, parse, line, null);
        }
    }

    private static List<Path> markdownFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root))
                    .filter(p -> !isHidden(root, p))
                    .filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
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

    /**
     * A regular file's size and modification time, taken before it is read. While they stay what
     * they were when the file was indexed it is taken as unchanged without being read again, as
     * make and rsync do; any other change means reading it and comparing its text's hash. "" for
     * anything but a regular file, so a symlink is always read and checked again.
     */
    private static String fileStamp(Path file) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile()
                    ? attributes.size() + ":" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                    : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String read(Path root, Path file, String relative) throws InvalidArticleException {
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root)) {
                throw new InvalidArticleException(
                        relative, 1, "is a symlink to " + real + ", outside the articles folder");
            }
            if (!Files.isRegularFile(real)) {
                throw new InvalidArticleException(relative, 1, "is not a regular file");
            }
            long size = Files.size(real);
            if (size > MAX_FILE_BYTES) {
                throw new InvalidArticleException(
                        relative,
                        1,
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
                throw new InvalidArticleException(
                        relative, lineAt(bytes, i), "is a binary file (it contains NUL bytes), not Markdown");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidArticleException(
                    relative,
                    lineAt(bytes, in.position()),
                    "is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[in.position()] & 0xFF) + " at offset "
                            + in.position() + "); save it as UTF-8");
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
