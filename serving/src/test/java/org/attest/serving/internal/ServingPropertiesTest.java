package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.attest.serving.internal.ServingProperties.Device;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ServingPropertiesTest {

    private static ServingProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("attest.serving", ServingProperties.class);
    }

    @Test
    void defaultsLiveInTheRecord() {
        assertThat(bind(Map.of())).isEqualTo(ServingProperties.defaults());
        assertThat(ServingProperties.defaults().device()).isEqualTo(Device.AUTO);
        assertThat(ServingProperties.defaults().summarizer().manifest())
                .isEqualTo("classpath:models/clinical-summarizer-extractive/1/model.yaml");
    }

    @Test
    void bindsEveryKey() {
        ServingProperties properties = bind(Map.of(
                "attest.serving.device", "cpu",
                "attest.serving.intra-op-threads", "4",
                "attest.serving.inter-op-threads", "2",
                "attest.serving.summarizer.manifest", "file:/models/x/1/model.yaml"));

        assertThat(properties)
                .isEqualTo(new ServingProperties(
                        Device.CPU, 4, 2, new ServingProperties.SummarizerSettings("file:/models/x/1/model.yaml")));
    }
}
