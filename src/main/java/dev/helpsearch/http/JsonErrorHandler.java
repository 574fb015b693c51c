package dev.helpsearch.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches the API (a request line or headers too long, a
 * malformed request, a bad URI escape): the same JSON body as every other error, a fixed message
 * per status, never Jetty's HTML page, a stack trace or a server path.
 */
final class JsonErrorHandler extends ErrorHandler {

    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
        setShowMessageInTitle(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status));
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    static byte[] body(int status) {
        ApiError error = switch (status) {
            case 400 -> ApiError.of("bad_request", "the request is malformed (a bad %-escape, header or request line)");
            case 413 -> ApiError.of("request_too_large", "the request body is too large");
            case 414 ->
                ApiError.of(
                        "uri_too_long",
                        "the request line is too long; queries are limited to a few thousand characters");
            case 431 -> ApiError.of("headers_too_large", "the request headers are too large");
            case 404 -> ApiError.of("not_found", "nothing here");
            default ->
                status >= 500
                        ? ApiError.of("internal_error", "the server could not answer this request")
                        : ApiError.of("http_" + status, "the request was refused");
        };
        return Json.write(error).getBytes(StandardCharsets.UTF_8);
    }
}
