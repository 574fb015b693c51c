package dev.helpsearch.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What can be known to fail before any slow work (loading the model, indexing): each problem is
 * one line saying what to do, with an exit code from {@link ExitCodes}. Checked in order of cost,
 * so the cheapest mistake is reported first.
 */
final class StartupChecks {

    /** A refusal: one line for stderr and the exit code that goes with it. */
    static final class Problem extends Exception {
        final int exitCode;

        Problem(int exitCode, String message) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }
    }

    /** Four numbers with dots: meant as an IPv4 address, so never looked up as a host name. */
    private static final Pattern DOTTED = Pattern.compile("\\d+(\\.\\d+){3}");

    private StartupChecks() {}

    static void port(int port) throws Problem {
        if (port < 0 || port > 65_535) {
            throw new Problem(ExitCodes.USAGE, "--port must be from 1 to 65535 (0 picks a free port), not " + port);
        }
    }

    /** The site hit urls are made absolute on: an http(s) URL with a host, or nothing. */
    static void siteUrl(String siteUrl) throws Problem {
        if (siteUrl == null || siteUrl.isBlank()) {
            return;
        }
        String hint =
                "--site-url (env HELPSEARCH_SITE_URL) must be the help center's address, such as https://help.example.com, not '"
                        + siteUrl + "'";
        try {
            URI uri = new URI(siteUrl.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw new Problem(ExitCodes.USAGE, hint);
            }
        } catch (URISyntaxException e) {
            throw new Problem(ExitCodes.USAGE, hint);
        }
    }

    /**
     * Browser origins as the Origin header sends them: scheme, host and optional port, nothing
     * else (a path or a trailing slash would never match). {@code *} stands for any origin.
     */
    static void corsOrigins(List<String> origins) throws Problem {
        for (String raw : origins) {
            String origin = raw.strip();
            if (origin.isEmpty() || origin.equals("*")) {
                continue;
            }
            String hint =
                    "--cors-origin (env HELPSEARCH_CORS_ORIGINS) takes origins such as https://www.example.com or "
                            + "http://localhost:3000 (scheme, host, optional port; no path), or * for any origin, not '"
                            + raw + "'";
            try {
                URI uri = new URI(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                        && uri.getRawQuery() == null
                        && uri.getRawFragment() == null
                        && uri.getRawUserInfo() == null;
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
                    throw new Problem(ExitCodes.USAGE, hint);
                }
            } catch (URISyntaxException e) {
                throw new Problem(ExitCodes.USAGE, hint);
            }
        }
    }

    /**
     * Binds the address and port for a moment, as the server will: an address that is not this
     * machine's and a port already taken are different problems with different fixes.
     */
    static void listen(String host, int port) throws Problem {
        InetAddress address;
        try {
            if (DOTTED.matcher(host.strip()).matches() && !validIpv4(host.strip())) {
                throw new UnknownHostException(host);
            }
            address = InetAddress.getByName(host.strip());
        } catch (UnknownHostException e) {
            throw new Problem(
                    ExitCodes.USAGE,
                    "--host (env HELPSEARCH_HOST) must be an address of this machine, such as 0.0.0.0 (every "
                            + "interface) or 127.0.0.1 (this machine only); '" + host
                            + "' is not an address or a known host name");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (BindException e) {
            throw bindProblem(host, port, e);
        } catch (SocketException e) {
            throw new Problem(
                    ExitCodes.ENVIRONMENT, "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new Problem(
                    ExitCodes.ENVIRONMENT, "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
        }
    }

    /** The same refusal when the server itself could not bind (the port was taken in between). */
    static Problem bindProblem(String host, int port, BindException e) {
        String reason = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (reason.contains("in use")) {
            return new Problem(
                    ExitCodes.ENVIRONMENT,
                    "port " + port + " is already in use on " + host
                            + ": stop the program using it, or pick another port with --port N (env HELPSEARCH_PORT)");
        }
        if (reason.contains("assign") || reason.contains("not available")) {
            return new Problem(
                    ExitCodes.ENVIRONMENT,
                    "--host " + host + " is not an address of this machine: use 0.0.0.0 (every "
                            + "interface), 127.0.0.1 (this machine only) or one of its own addresses");
        }
        if (reason.contains("permission") || reason.contains("access")) {
            return new Problem(
                    ExitCodes.ENVIRONMENT,
                    "not allowed to listen on port " + port
                            + " (ports below 1024 need privileges): pick a port from 1024 with --port N");
        }
        return new Problem(
                ExitCodes.ENVIRONMENT, "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
    }

    private static boolean validIpv4(String host) {
        for (String part : host.split("\\.")) {
            if (part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The articles folder exists, is a folder and can be listed. */
    static void articlesFolder(Path articles) throws Problem {
        String option = " (--articles DIR, env HELPSEARCH_ARTICLES)";
        if (!Files.exists(articles)) {
            throw new Problem(
                    ExitCodes.ENVIRONMENT,
                    "the articles folder " + articles + " does not exist: point --articles "
                            + "(env HELPSEARCH_ARTICLES) at the folder of your Markdown articles");
        }
        if (!Files.isDirectory(articles)) {
            throw new Problem(
                    ExitCodes.ENVIRONMENT, "the articles folder " + articles + " is a file, not a folder" + option);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(articles)) {
            entries.iterator().hasNext();
        } catch (AccessDeniedException e) {
            throw new Problem(
                    ExitCodes.ENVIRONMENT,
                    "cannot read the articles folder " + articles
                            + ": permission denied; let this user read it, or copy the articles elsewhere" + option);
        } catch (IOException | RuntimeException e) {
            throw new Problem(
                    ExitCodes.ENVIRONMENT,
                    "cannot read the articles folder " + articles + " (" + reason(e) + ")" + option);
        }
    }

    /**
     * The index folder is a folder this process can write (created if missing), proven by writing
     * a file: permission bits say nothing on a read-only mount, or for root.
     */
    static void indexFolder(Path index) throws Problem {
        if (Files.exists(index) && !Files.isDirectory(index)) {
            throw new Problem(
                    ExitCodes.ENVIRONMENT,
                    "the index folder " + index + " is a file, not a folder: remove it, or point "
                            + "--index (env HELPSEARCH_INDEX) elsewhere");
        }
        try {
            Files.createDirectories(index);
            Path probe = Files.createTempFile(index, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            throw new Problem(
                    ExitCodes.ENVIRONMENT,
                    "cannot write the index folder " + index + " (" + reason(e)
                            + "): let this user write it, or point --index (env HELPSEARCH_INDEX) at a writable folder");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
