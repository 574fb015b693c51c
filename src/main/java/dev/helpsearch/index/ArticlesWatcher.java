package dev.helpsearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches an articles folder (recursively) and calls back once a burst of changes has settled, so
 * an editor saving several files causes one re-index, not one per file.
 */
public final class ArticlesWatcher implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ArticlesWatcher.class);

    private final Path root;
    private final Duration settle;
    private final Runnable onChange;
    private final WatchService watcher;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "articles-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pending;

    public ArticlesWatcher(Path root, Duration settle, Runnable onChange) throws IOException {
        this.root = root;
        this.settle = settle;
        this.onChange = onChange;
        this.watcher = FileSystems.getDefault().newWatchService();
    }

    public void start() throws IOException {
        registerTree(root);
        Thread thread = new Thread(this::loop, "articles-watch-events");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
                        Path created = dir.resolve(name);
                        if (Files.isDirectory(created)) {
                            registerTree(created);
                        }
                    }
                }
                key.reset();
                schedule();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: stop watching
        } catch (IOException e) {
            LOG.warn("stopped watching {}: {}", root, e.getMessage());
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(this::fire, settle.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void fire() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOG.warn("re-index after a change failed: {}", e.toString());
        }
    }

    private void registerTree(Path start) throws IOException {
        try (Stream<Path> dirs = Files.walk(start)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(
                        watcher,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    @Override
    public void close() throws IOException {
        scheduler.shutdownNow();
        watcher.close();
    }
}
