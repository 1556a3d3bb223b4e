package dev.newsflow.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 (the JDK's {@code HttpServer}) for tests of code that fetches the web: each path
 * answers what the test set, with the status, headers, delay and body it chose; conditional GETs are answered
 * 304 when the ETag or Last-Modified matches, and gzip when the response asks for it and the client accepts it.
 * Every request is recorded with its headers. Unknown paths answer 404. Thread-safe.
 */
public final class LocalWebServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /**
     * What a path answers. Immutable.
     *
     * @param status  HTTP status
     * @param headers response headers (ETag and Last-Modified also drive the 304s)
     * @param body    the body, sent as is (or gzipped)
     * @param delay   wait before answering
     * @param gzip    compress the body when the request accepts gzip
     */
    public record Response(int status, Map<String, String> headers, byte[] body, Duration delay, boolean gzip) {
        public static Response ok(String contentType, String body) {
            return ok(contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        public static Response ok(String contentType, byte[] body) {
            return new Response(200, Map.of("Content-Type", contentType), body, Duration.ZERO, false);
        }

        public static Response ok(String contentType, String body, Charset charset) {
            return ok(contentType, body.getBytes(charset));
        }

        public static Response status(int status) {
            return new Response(status, Map.of(), new byte[0], Duration.ZERO, false);
        }

        public static Response redirect(String location) {
            return new Response(301, Map.of("Location", location), new byte[0], Duration.ZERO, false);
        }

        public Response withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, more, body, delay, gzip);
        }

        public Response delayed(Duration wait) {
            return new Response(status, headers, body, wait, gzip);
        }

        public Response gzipped() {
            return new Response(status, headers, body, delay, true);
        }
    }

    /** One request as it arrived, and when ({@link System#nanoTime()}) it arrived and was answered. */
    public record Request(String path, Map<String, String> headers, long arrivedNanos, long[] answeredNanos) {
        /** A request header, by case-insensitive name, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    private LocalWebServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static LocalWebServer start() throws IOException {
        // the JDK server writes headers and body apart: without TCP_NODELAY each answer waits ~40 ms for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LocalWebServer web = new LocalWebServer(server);
        server.createContext("/", web::answer);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return web;
    }

    /** {@code http://127.0.0.1:PORT/path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Sets what {@code path} answers from now on. */
    public LocalWebServer serve(String path, Response response) {
        responses.put(path, response);
        return this;
    }

    /** The requests made to {@code path} so far, in order. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path.equals(path)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        Request request = new Request(path, headers, System.nanoTime(), new long[1]);
        requests.add(request);
        Response response = responses.getOrDefault(path, Response.status(404));
        try (exchange) {
            if (!response.delay.isZero()) {
                // the slow server a test asked for (timeouts, politeness): the answer's own delay, not a wait on a condition
                Thread.sleep(response.delay.toMillis());
            }
            response.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (response.status == 200 && notModified(request, response)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = response.body;
            String accepts = request.header("Accept-Encoding");
            if (response.gzip && accepts != null && accepts.contains("gzip")) {
                body = gzip(body);
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(response.status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // a client that gave up (timeout, size limit) closes the connection; nothing to answer
        } finally {
            request.answeredNanos[0] = System.nanoTime();
        }
    }

    private static boolean notModified(Request request, Response response) {
        String etag = response.headers.get("ETag");
        String lastModified = response.headers.get("Last-Modified");
        String ifNoneMatch = request.header("If-None-Match");
        String ifModifiedSince = request.header("If-Modified-Since");
        return (etag != null && etag.equals(ifNoneMatch))
                || (ifNoneMatch == null && lastModified != null && lastModified.equals(ifModifiedSince));
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
