package dev.newsflow.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real HTTP client reading a Server-Sent-Events stream line by line into a queue. */
final class SseLines implements AutoCloseable {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final Thread reader;

    SseLines(HttpClient client, URI uri) {
        response = client.sendAsync(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        reader = new Thread(() -> {
            try (Stream<String> body = response.join().body()) {
                body.forEach(lines::add);
            } catch (RuntimeException e) {
                lines.add("closed: " + e);
            }
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    String contentType() {
        return response.join().headers().firstValue("Content-Type").orElse("");
    }

    /** The data of the next event of this name, waiting at most the timeout; null on timeout. */
    String nextData(String event, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String current = null;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                return null;
            }
            if (line.startsWith("event:")) {
                current = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:") && event.equals(current)) {
                return line.substring("data:".length()).strip();
            }
        }
        return null;
    }

    @Override
    public void close() {
        // closing the body stream closes the connection, which the server sees as a client leaving
        response.thenAccept(r -> r.body().close());
        reader.interrupt();
    }
}
