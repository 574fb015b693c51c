package dev.helpsearch.cli;

import dev.helpsearch.index.Reindexer;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Articles done, rate and time left, redrawn on one terminal line while an index is built, and
 * gone when it is done. Only on a terminal: piped or in a service's log, a run says nothing but
 * its summary line.
 */
final class TerminalProgress implements Reindexer.Progress {

    private static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final String what;
    private volatile int total;
    private volatile long startNanos;
    private long lastNanos;
    private boolean drawn;

    private TerminalProgress(PrintWriter out, String what) {
        this.out = out;
        this.what = what;
    }

    /** A display on {@code out} when this process runs on a terminal, else nothing at all. */
    static Reindexer.Progress onTerminal(PrintWriter out, String what) {
        return isTerminal() ? new TerminalProgress(out, what) : Reindexer.Progress.NONE;
    }

    /**
     * System.console() is null when input or output is not a terminal; from JDK 22 it is a console
     * object even then, and Console.isTerminal() (absent from JDK 21, hence the reflection) tells.
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void started(int total) {
        this.total = total;
        this.startNanos = System.nanoTime();
        synchronized (this) {
            draw(0, startNanos);
        }
    }

    @Override
    public void advanced(int done) {
        long now = System.nanoTime();
        synchronized (this) {
            if (now - lastNanos >= EVERY_NANOS || done == total) {
                draw(done, now);
            }
        }
    }

    @Override
    public synchronized void finished() {
        if (drawn) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }

    private void draw(int done, long now) {
        lastNanos = now;
        drawn = true;
        out.print("\r\u001b[K" + line(done, total, (now - startNanos) / 1e9));
        out.flush();
    }

    /** "indexing 1,200 of 2,169 articles, 65 a second, about 15 s left". */
    String line(int done, int total, double seconds) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %,d of %,d articles", what, done, total));
        if (done > 0 && seconds >= 0.2) {
            double rate = done / seconds;
            line.append(String.format(Locale.ROOT, ", %,.0f a second", rate));
            if (done < total) {
                line.append(", about ").append(duration((total - done) / rate)).append(" left");
            }
        }
        return line.toString();
    }

    private static String duration(double seconds) {
        long s = Math.max(1, Math.round(seconds));
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
