package org.attest.phiner;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the model was made from: the seed and the encoder cut, the templates, the carrier corpus and the pipeline's own classes. The build
 * skips training when the output's stamp equals the inputs' one, and retrains when any of them changed.
 */
final class Stamp {

    static final String FILE = "stamp.txt";

    private Stamp() {}

    /** @param recipe the seed and any option that changes the model ({@code 20141;layers=3}) */
    static String of(String recipe, byte[] templates, Path carriers, Class<?> pipeline)
            throws IOException, URISyntaxException {
        MessageDigest digest = sha256();
        digest.update(recipe.getBytes(StandardCharsets.UTF_8));
        digest.update(templates);
        if (Files.isRegularFile(carriers)) {
            digest.update(Files.readAllBytes(carriers));
        }
        Path classes = Path.of(pipeline.getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("org/attest/phiner");
        if (Files.isDirectory(classes)) {
            try (Stream<Path> files = Files.list(classes)) {
                for (Path file : files.sorted().toList()) {
                    digest.update(Files.readAllBytes(file));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static boolean matches(Path out, String stamp) throws IOException {
        Path file = out.resolve(FILE);
        List<String> expected = List.of("model.yaml", "model.onnx", "tokenizer.json", "config.json");
        return Files.isRegularFile(file)
                && Files.readString(file).strip().equals(stamp)
                && expected.stream().allMatch(name -> Files.isRegularFile(out.resolve(name)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
