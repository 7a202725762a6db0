package org.attest.api.reviews;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A client's callback endpoint, inside the test: it refuses the first {@code failures} calls with 500. */
final class CallbackReceiver implements AutoCloseable {

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final AtomicInteger failuresLeft;

    CallbackReceiver(int failures) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/decisions", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                boolean fail = failuresLeft.getAndDecrement() > 0;
                received.add(new Received(
                        body, exchange.getRequestHeaders().getFirst("X-Attest-Signature"), fail ? 500 : 204));
                exchange.sendResponseHeaders(fail ? 500 : 204, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/decisions";
    }

    List<Received> accepted() {
        return received.stream().filter(r -> r.answered() == 204).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Received(String body, String signature, int answered) {}
}
