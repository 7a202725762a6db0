package org.attest.serving.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client of one model on a KServe v2 REST server (Triton, KServe, Seldon MLServer): server readiness
 * ({@code GET /v2/health/ready}), model metadata ({@code GET /v2/models/{m}[/versions/{v}]}) and inference
 * ({@code POST .../infer}, JSON tensors). Every request is bounded by the connect and request timeouts; connect errors
 * and 5xx answers are retried with exponential backoff up to {@code maxAttempts}, other failures are not (a 4xx will
 * not improve, and a timed-out inference may still be running on the server).
 */
final class KServeV2Client {

    private static final Logger log = LoggerFactory.getLogger(KServeV2Client.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KServeV2Settings settings;
    private final HttpClient http;

    KServeV2Client(KServeV2Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** An INT64 input tensor. */
    record Input(String name, long[] shape, long[] data) {}

    /** An output tensor, its data as floats (FP32, FP16 and integer outputs alike), row-major. */
    record Output(String name, String datatype, long[] shape, float[] data) {}

    /** One tensor of the model's metadata; -1 in {@code shape} is a variable dimension. */
    record TensorMetadata(String name, String datatype, long[] shape) {}

    /** The model's metadata as the server reports it. */
    record ModelMetadata(
            String name, List<String> versions, List<TensorMetadata> inputs, List<TensorMetadata> outputs) {}

    /**
     * An inference answer.
     *
     * @param modelVersion the version the server says produced it ({@code model_version}), or null if it said none
     */
    record InferResult(String modelName, @Nullable String modelVersion, List<Output> outputs) {

        Output output(String name) {
            return outputs.stream()
                    .filter(o -> o.name().equals(name))
                    .findFirst()
                    .orElseThrow(
                            () -> new RemoteInferenceException("remote model " + modelName + " returned no " + name));
        }
    }

    KServeV2Settings settings() {
        return settings;
    }

    /** True when the server answers 200 to {@code GET /v2/health/ready}; never retried. */
    boolean serverReady() {
        try {
            HttpResponse<Void> reply = http.send(get("/v2/health/ready"), HttpResponse.BodyHandlers.discarding());
            return reply.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    ModelMetadata metadata() {
        JsonNode body = call(() -> get(settings.modelPath()));
        List<String> versions = new ArrayList<>();
        body.path("versions").forEach(v -> versions.add(v.asString()));
        return new ModelMetadata(
                body.path("name").asString(settings.model()),
                versions,
                tensors(body.path("inputs")),
                tensors(body.path("outputs")));
    }

    /** Runs the model; asks for the named outputs only. */
    InferResult infer(List<Input> inputs, List<String> outputs) {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode in = request.putArray("inputs");
        for (Input input : inputs) {
            ObjectNode tensor = in.addObject().put("name", input.name()).put("datatype", "INT64");
            ArrayNode shape = tensor.putArray("shape");
            for (long d : input.shape()) {
                shape.add(d);
            }
            ArrayNode data = tensor.putArray("data");
            for (long v : input.data()) {
                data.add(v);
            }
        }
        ArrayNode out = request.putArray("outputs");
        outputs.forEach(name -> out.addObject().put("name", name));
        byte[] body = JSON.writeValueAsBytes(request);
        JsonNode reply = call(() -> HttpRequest.newBuilder(uri(settings.modelPath() + "/infer"))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        List<Output> results = new ArrayList<>();
        for (JsonNode output : reply.path("outputs")) {
            results.add(new Output(
                    output.path("name").asString(),
                    output.path("datatype").asString(),
                    longs(output.path("shape")),
                    floats(output.path("data"))));
        }
        JsonNode version = reply.path("model_version");
        return new InferResult(
                reply.path("model_name").asString(settings.model()),
                version.isMissingNode() || version.isNull() ? null : version.asString(),
                results);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(settings.requestTimeout())
                .GET()
                .build();
    }

    private URI uri(String path) {
        String base = settings.url().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** Sends with retries; answers the JSON body of a 200. */
    private JsonNode call(Supplier<HttpRequest> request) {
        Duration wait = settings.backoff();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt == settings.maxAttempts();
            try {
                HttpResponse<byte[]> reply = http.send(request.get(), HttpResponse.BodyHandlers.ofByteArray());
                int status = reply.statusCode();
                if (status == 200) {
                    return JSON.readTree(reply.body());
                }
                if (status < 500 || last) {
                    throw new RemoteInferenceException("remote model " + settings.id() + " answered HTTP " + status
                            + " (attempt " + attempt + ")");
                }
                log.warn("remote model {} answered HTTP {}, retrying in {} ms", settings.id(), status, wait.toMillis());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                if (last) {
                    throw new RemoteInferenceException(
                            "remote model " + settings.id() + " unreachable after " + attempt + " attempts", e);
                }
                log.warn(
                        "remote model {} unreachable ({}), retrying in {} ms",
                        settings.id(),
                        e.getClass().getSimpleName(),
                        wait.toMillis());
            } catch (IOException | JacksonException e) {
                throw new RemoteInferenceException(
                        "remote model " + settings.id() + " failed: "
                                + e.getClass().getSimpleName(),
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteInferenceException("interrupted while calling remote model " + settings.id(), e);
            }
            sleep(wait);
            wait = wait.multipliedBy(2);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteInferenceException("interrupted while backing off", e);
        }
    }

    private static List<TensorMetadata> tensors(JsonNode array) {
        List<TensorMetadata> tensors = new ArrayList<>();
        for (JsonNode tensor : array) {
            tensors.add(new TensorMetadata(
                    tensor.path("name").asString(), tensor.path("datatype").asString(), longs(tensor.path("shape"))));
        }
        return tensors;
    }

    private static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }

    /** The v2 protocol sends data flat, row-major; some servers nest it by dimension, which is flattened here. */
    private static float[] floats(JsonNode data) {
        List<JsonNode> leaves = new ArrayList<>();
        flatten(data, leaves);
        float[] values = new float[leaves.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) leaves.get(i).asDouble();
        }
        return values;
    }

    private static void flatten(JsonNode node, List<JsonNode> into) {
        if (node.isArray()) {
            node.forEach(child -> flatten(child, into));
        } else {
            into.add(node);
        }
    }
}
