package dev.helpsearch.insights;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records searches, clicks and ratings without ever slowing or failing a search: request threads
 * only put an event on a bounded queue (a full queue drops it, counted), and one writer thread
 * stores the queue in batches. A database that cannot be opened or written leaves the service
 * searching and this recorder degraded, with a reason, until a later attempt succeeds.
 *
 * <p>No address, cookie or user id is ever given to it. A search gets a random query id, which is
 * all that ties a click to it; clicks are taken only for recent query ids and for urls that search
 * returned, each url once, so fake events cannot be made up without making real searches.
 */
public final class InsightsRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InsightsRecorder.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern QUERY_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final int BATCH = 500;
    /** Searches whose clicks are still taken; a click on a search older than this many searches is not counted. */
    static final int RECENT_SEARCHES = 10_000;
    /** Hits per search a click may name; the page and the widget show 20. */
    static final int CLICKABLE_HITS = 20;
    /** A new query within this time of the last one in the same box was typed on the way, not meant. */
    private static final Duration STILL_TYPING = Duration.ofSeconds(3);

    private static final Duration MAINTAIN_EVERY = Duration.ofHours(1);
    private static final Duration REOPEN_EVERY = Duration.ofSeconds(10);

    /**
     * @param folder    the data folder holding {@value InsightsDatabase#FILE}
     * @param retention rows older than this are deleted, at start and hourly
     * @param maxRows   rows kept a table at most, the oldest evicted first: the bound on the file's size
     */
    public record Settings(Path folder, Duration retention, long maxRows, int queueCapacity) {

        public static final long DEFAULT_MAX_ROWS = 1_000_000;
        public static final int DEFAULT_QUEUE = 10_000;

        public Settings {
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("the retention must be positive");
            }
            if (maxRows < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("the row bound and the queue must hold at least one");
            }
        }

        public Settings(Path folder, Duration retention) {
            this(folder, retention, DEFAULT_MAX_ROWS, DEFAULT_QUEUE);
        }
    }

    /** "ok", "degraded" (with the reason, which names no server path) or "off". */
    public record Health(String state, String reason) {}

    /** Counters since start and the database's size, for /metrics. */
    public record Stats(
            boolean enabled,
            boolean healthy,
            long queued,
            long databaseBytes,
            Map<String, Long> recorded,
            Map<String, Long> dropped) {

        public Stats {
            recorded = Map.copyOf(recorded);
            dropped = Map.copyOf(dropped);
        }
    }

    /** Why a click was or was not taken. */
    public enum ClickOutcome {
        RECORDED,
        ALREADY_RECORDED,
        UNKNOWN_QUERY,
        UNKNOWN_URL,
        WRONG_POSITION,
        DROPPED
    }

    public static final List<String> EVENT_KINDS = List.of("search", "click", "feedback");
    public static final List<String> DROP_REASONS = List.of("queue_full", "unavailable", "write_failed");

    private final Settings settings;
    private final Clock clock;
    private final BlockingQueue<InsightEvent> queue;
    private final Map<String, Recent> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Recent> eldest) {
            return size() > RECENT_SEARCHES;
        }
    };
    private final Map<String, AtomicLong> recorded = new LinkedHashMap<>();
    private final Map<String, AtomicLong> dropped = new LinkedHashMap<>();
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final Object progress = new Object();
    private final Thread writer;
    private volatile InsightsDatabase database;
    private volatile String problem;
    private volatile long databaseBytes;
    private volatile boolean closing;
    private Instant nextMaintenance = Instant.MIN;
    private Instant nextOpen = Instant.MIN;

    private record Recent(String query, Instant at, List<String> urls, int offset, Set<String> clicked) {}

    private InsightsRecorder(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.queue = settings == null ? null : new ArrayBlockingQueue<>(settings.queueCapacity());
        EVENT_KINDS.forEach(kind -> recorded.put(kind, new AtomicLong()));
        DROP_REASONS.forEach(reason -> dropped.put(reason, new AtomicLong()));
        this.writer = settings == null ? null : new Thread(this::drain, "insights-writer");
    }

    /** Records nothing; health says "off". */
    public static InsightsRecorder off() {
        return new InsightsRecorder(null, Clock.systemUTC());
    }

    /** Opens the database (a failure only degrades the recorder) and starts the writer thread. */
    public static InsightsRecorder start(Settings settings, Clock clock) {
        InsightsRecorder recorder = new InsightsRecorder(settings, clock);
        recorder.openDatabase();
        recorder.writer.setDaemon(true);
        recorder.writer.start();
        return recorder;
    }

    public static InsightsRecorder start(Settings settings) {
        return start(settings, Clock.systemUTC());
    }

    public boolean enabled() {
        return settings != null;
    }

    /**
     * Queues a search and returns its new query id, or empty when nothing was queued (recording
     * off, or the queue full). {@code previous} is the query id the same search box got last.
     */
    public Optional<String> search(InsightEvent.Answered answered, String previous) {
        if (settings == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String query = QueryNormalizer.normalize(answered.query());
        String queryId = newQueryId();
        List<String> urls = answered.urls()
                .subList(0, Math.min(CLICKABLE_HITS, answered.urls().size()));
        String refines = null;
        synchronized (recent) {
            Recent before = previous == null ? null : recent.get(previous);
            if (before != null
                    && before.clicked().isEmpty()
                    && before.query().length() > 0
                    && (query.startsWith(before.query())
                            || before.query().startsWith(query)
                            || Duration.between(before.at(), now).compareTo(STILL_TYPING) < 0)) {
                refines = previous;
            }
        }
        InsightEvent.Search event = new InsightEvent.Search(
                queryId,
                now,
                query,
                answered.mode(),
                answered.source(),
                answered.urls().size(),
                answered.total(),
                answered.urls().isEmpty() ? null : answered.urls().get(0),
                answered.confidence(),
                answered.answered(),
                answered.tookMs(),
                refines);
        if (!offer(event)) {
            return Optional.empty();
        }
        synchronized (recent) {
            recent.put(queryId, new Recent(query, now, List.copyOf(urls), answered.offset(), new HashSet<>()));
        }
        return Optional.of(queryId);
    }

    /** Queues a click on a hit of a recent search; {@code position} is the hit's 1-based rank. */
    public ClickOutcome click(String queryId, String url, int position) {
        if (settings == null || queryId == null || !QUERY_ID.matcher(queryId).matches()) {
            return ClickOutcome.UNKNOWN_QUERY;
        }
        synchronized (recent) {
            Recent search = recent.get(queryId);
            if (search == null) {
                return ClickOutcome.UNKNOWN_QUERY;
            }
            int index = url == null ? -1 : search.urls().indexOf(url);
            if (index < 0) {
                return ClickOutcome.UNKNOWN_URL;
            }
            if (position != search.offset() + index + 1) {
                return ClickOutcome.WRONG_POSITION;
            }
            if (!search.clicked().add(url)) {
                return ClickOutcome.ALREADY_RECORDED;
            }
        }
        return offer(new InsightEvent.Click(queryId, clock.instant(), url, position))
                ? ClickOutcome.RECORDED
                : ClickOutcome.DROPPED;
    }

    /** Queues an article's rating; the caller has checked that the path is an article. */
    public boolean feedback(String path, boolean helpful) {
        return settings != null && offer(new InsightEvent.Feedback(clock.instant(), path, helpful));
    }

    private boolean offer(InsightEvent event) {
        if (closing) {
            return false;
        }
        if (!queue.offer(event)) {
            dropped.get("queue_full").incrementAndGet();
            return false;
        }
        enqueued.incrementAndGet();
        return true;
    }

    public Health health() {
        if (settings == null) {
            return new Health("off", "recording is switched off (serve --insights off)");
        }
        String reason = problem;
        return reason == null ? new Health("ok", null) : new Health("degraded", reason);
    }

    public Stats stats() {
        Map<String, Long> recordedNow = new LinkedHashMap<>();
        recorded.forEach((k, v) -> recordedNow.put(k, v.get()));
        Map<String, Long> droppedNow = new LinkedHashMap<>();
        dropped.forEach((k, v) -> droppedNow.put(k, v.get()));
        return new Stats(
                settings != null,
                settings != null && problem == null,
                queue == null ? 0 : queue.size(),
                databaseBytes,
                recordedNow,
                droppedNow);
    }

    /** Waits until every event queued before this call is stored or dropped; for tests and the CLI. */
    public boolean flush(Duration timeout) throws InterruptedException {
        if (settings == null) {
            return true;
        }
        long target = enqueued.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (processed.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
        return true;
    }

    /** The writer thread: batches from the queue until closed, then what is left. */
    private void drain() {
        List<InsightEvent> batch = new ArrayList<>(BATCH);
        while (true) {
            maintainIfDue();
            InsightEvent first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
                closing = true;
            }
            if (first == null) {
                if (closing && queue.isEmpty()) {
                    break;
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            store(batch);
            processed.addAndGet(batch.size());
            synchronized (progress) {
                progress.notifyAll();
            }
        }
        InsightsDatabase open = database;
        database = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                LOG.warn("closing the insights database: {}", e.getMessage());
            }
        }
    }

    private void store(List<InsightEvent> batch) {
        InsightsDatabase db = database;
        if (db == null && clock.instant().isAfter(nextOpen)) {
            db = openDatabase();
        }
        if (db == null) {
            dropped.get("unavailable").addAndGet(batch.size());
            return;
        }
        try {
            db.write(batch);
            for (InsightEvent event : batch) {
                recorded.get(kind(event)).incrementAndGet();
            }
            db.enforceBound(settings.maxRows());
            databaseBytes = db.bytes();
            if (problem != null) {
                LOG.info("search insights are recorded again");
                problem = null;
            }
        } catch (SQLException | RuntimeException e) {
            dropped.get("write_failed").addAndGet(batch.size());
            degrade("cannot write the insights database (" + e.getMessage() + ")", e);
        }
    }

    private void maintainIfDue() {
        InsightsDatabase db = database;
        Instant now = clock.instant();
        if (db == null || now.isBefore(nextMaintenance)) {
            return;
        }
        nextMaintenance = now.plus(MAINTAIN_EVERY);
        try {
            long old = db.deleteBefore(now.minus(settings.retention()));
            long over = db.enforceBound(settings.maxRows());
            databaseBytes = db.bytes();
            if (old + over > 0) {
                LOG.info(
                        "insights: deleted {} rows older than {} days and {} over the bound of {} a table",
                        old,
                        settings.retention().toDays(),
                        over,
                        settings.maxRows());
            }
        } catch (SQLException e) {
            degrade("cannot apply the insights retention (" + e.getMessage() + ")", e);
        }
    }

    private synchronized InsightsDatabase openDatabase() {
        nextOpen = clock.instant().plus(REOPEN_EVERY);
        try {
            InsightsDatabase db = InsightsDatabase.open(settings.folder());
            database = db;
            databaseBytes = db.bytes();
            nextMaintenance = Instant.MIN;
            if (problem != null) {
                LOG.info("search insights are recorded again in {}", db.file());
            }
            problem = null;
            return db;
        } catch (IOException | SQLException | RuntimeException e) {
            degrade(reason(e), e);
            return null;
        }
    }

    private void degrade(String reason, Exception e) {
        if (!reason.equals(problem)) {
            LOG.warn(
                    "search insights degraded, searches are answered but not recorded: {} (data folder {})",
                    reason,
                    settings.folder().toAbsolutePath());
        }
        problem = reason;
    }

    /** What went wrong in words that name no server path, for /healthz. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "cannot write the data folder: permission denied";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "cannot create the data folder: a file is in the way";
        }
        if (e instanceof FileSystemException fs) {
            return "cannot write the data folder: "
                    + (fs.getReason() == null ? e.getClass().getSimpleName() : fs.getReason());
        }
        if (e instanceof IOException) {
            return "cannot write the data folder (" + e.getClass().getSimpleName() + ")";
        }
        return "cannot open the insights database (" + e.getMessage() + ")";
    }

    private static String kind(InsightEvent event) {
        return switch (event) {
            case InsightEvent.Search s -> "search";
            case InsightEvent.Click c -> "click";
            case InsightEvent.Feedback f -> "feedback";
        };
    }

    private static String newQueryId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Stops taking events, stores those queued, closes the database. */
    @Override
    public void close() {
        if (settings == null) {
            return;
        }
        closing = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
