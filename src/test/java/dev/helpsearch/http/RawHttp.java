package dev.helpsearch.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes the JDK's HTTP client refuses to send (invalid %-escapes, raw bytes, dot segments,
 * oversized request lines) on a fresh connection, and reads the one response.
 */
final class RawHttp {

    record Response(int status, String head, String body) {}

    private RawHttp() {}

    /** A GET of {@code target} exactly as given, followed by {@code extraHeaders} (each "Name: value"). */
    static Response get(int port, String target, String... extraHeaders) {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return send(port, request.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Response send(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading an oversized request to its end
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the response was sent: what arrived is the answer
        }
        // one char per byte, so chunk sizes (in bytes) can be followed; the body is decoded as UTF-8 after
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static Response parse(String raw) {
        int split = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.1 ") || split < 0) {
            throw new IllegalStateException("not an HTTP response: " + raw.substring(0, Math.min(raw.length(), 200)));
        }
        int status = Integer.parseInt(raw.substring(9, 12));
        String head = raw.substring(0, split);
        String body = raw.substring(split + 4);
        if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        return new Response(
                status, head, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, eol).strip().split(";")[0], 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
