package org.attest.testing;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A KServe v2 REST endpoint served inside the test, running an encoder (the shipped MiniLM) through ONNX Runtime — a
 * protocol test of the client, not a Triton stand-in: it implements only what the client uses (server readiness,
 * model metadata, JSON inference) and can be told to fail the next calls with a status, to hold them, or to answer
 * as another {@code model_version}. Shared here so that serving's protocol tests and the application's end-to-end
 * tests run against the same endpoint.
 */
public final class KServeV2TestServer implements AutoCloseable {

    /** The server's name of the model. */
    public static final String MODEL = "minilm";

    /** The {@code model_version} answers name until {@link #answerAs} says otherwise. */
    public static final String VERSION = "3";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final OrtSession session;
    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final AtomicInteger inferCalls = new AtomicInteger();
    private final AtomicInteger metadataCalls = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile boolean ready = true;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile @Nullable String answeredVersion = VERSION;

    /**
     * Starts serving on a free loopback port.
     *
     * @param encoder the ONNX encoder to run (inputs {@code input_ids}, {@code attention_mask}, {@code token_type_ids};
     *     output {@code last_hidden_state} of 384 dimensions)
     */
    public KServeV2TestServer(byte[] encoder) throws Exception {
        this.session = environment.createSession(encoder);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/health/ready", exchange -> reply(exchange, ready ? 200 : 503, "{}"));
        server.createContext("/v2/models/" + MODEL, this::model);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code count} metadata or inference calls answer {@code status}. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failures.set(count);
    }

    /** Whether {@code GET /v2/health/ready} answers 200 (or 503). */
    public void ready(boolean isReady) {
        ready = isReady;
    }

    /** Inference calls wait until the returned latch is released. */
    public CountDownLatch holdInference() {
        hold = new CountDownLatch(1);
        return hold;
    }

    /** Inference answers name {@code version} as their {@code model_version}; null leaves the field out. */
    public void answerAs(@Nullable String version) {
        answeredVersion = version;
    }

    /** Inference calls received so far, failed ones included. */
    public int inferCalls() {
        return inferCalls.get();
    }

    /** Metadata calls received so far, failed ones included. */
    public int metadataCalls() {
        return metadataCalls.get();
    }

    private void model(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String base = "/v2/models/" + MODEL;
            String rest = path.substring(base.length()).replace("/versions/" + VERSION, "");
            boolean infer = rest.equals("/infer") && exchange.getRequestMethod().equals("POST");
            (infer ? inferCalls : metadataCalls).incrementAndGet();
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, failureStatus, "{\"error\":\"injected\"}");
            } else if (infer) {
                hold.await();
                reply(
                        exchange,
                        200,
                        infer(JSON.readTree(exchange.getRequestBody().readAllBytes())));
            } else if (rest.isEmpty()) {
                reply(exchange, 200, metadata());
            } else {
                reply(exchange, 404, "{\"error\":\"unknown\"}");
            }
        } catch (Exception e) {
            reply(exchange, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private String metadata() {
        return """
                {"name":"minilm","versions":["1","3"],"platform":"onnxruntime_onnx",
                 "inputs":[{"name":"input_ids","datatype":"INT64","shape":[-1,-1]},
                           {"name":"attention_mask","datatype":"INT64","shape":[-1,-1]},
                           {"name":"token_type_ids","datatype":"INT64","shape":[-1,-1]}],
                 "outputs":[{"name":"last_hidden_state","datatype":"FP32","shape":[-1,-1,384]}]}""";
    }

    private String infer(JsonNode request) throws Exception {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            for (JsonNode input : request.path("inputs")) {
                long[] shape = longs(input.path("shape"));
                long[] data = longs(input.path("data"));
                inputs.put(
                        input.path("name").asString(),
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(data), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get("last_hidden_state").orElseThrow();
                ObjectNode reply = JSON.createObjectNode().put("model_name", MODEL);
                String version = answeredVersion;
                if (version != null) {
                    reply.put("model_version", version);
                }
                ObjectNode output = reply.putArray("outputs")
                        .addObject()
                        .put("name", "last_hidden_state")
                        .put("datatype", "FP32");
                ArrayNode shape = output.putArray("shape");
                for (long d : hidden.getInfo().getShape()) {
                    shape.add(d);
                }
                ArrayNode data = output.putArray("data");
                FloatBuffer values = hidden.getFloatBuffer();
                while (values.hasRemaining()) {
                    data.add(values.get());
                }
                return JSON.writeValueAsString(reply);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() throws ai.onnxruntime.OrtException {
        hold.countDown();
        server.stop(0);
        session.close();
    }
}
