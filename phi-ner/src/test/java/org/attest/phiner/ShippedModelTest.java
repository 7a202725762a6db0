package org.attest.phiner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The build put the model on this module's classpath, complete and with the hashes its manifest names. */
class ShippedModelTest {

    @Test
    void theManifestNamesEveryFileWithItsSha256() throws Exception {
        String manifest = text("/models/phi-ner/2/model.yaml");

        assertThat(manifest)
                .contains(
                        "name: phi-ner",
                        "kind: token-classification",
                        "max-tokens: 256",
                        "card: classpath:model-cards/phi-ner/2.md");
        for (String file : new String[] {"model.onnx", "tokenizer.json", "config.json"}) {
            byte[] content = bytes("/models/phi-ner/2/" + file);
            String sha256 = HexFormat.of().formatHex(Stamp.sha256().digest(content));
            assertThat(manifest).contains("location: " + file + "\n").contains("sha256: \"" + sha256 + "\"");
        }
        assertThat(text("/models/phi-ner/2/config.json")).contains("\"16\": \"I-PROFESSION\"", "\"0\": \"O\"");
        assertThat(text("/models/phi-ner/2/training-report.txt")).contains("recall", "precision");
    }

    private static String text(String name) throws Exception {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) throws Exception {
        try (InputStream in = ShippedModelTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
