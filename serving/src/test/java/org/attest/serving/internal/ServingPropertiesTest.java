package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.attest.serving.internal.ServingProperties.Device;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
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
        assertThat(ServingProperties.defaults().registryPath()).isNull();
        assertThat(ServingProperties.defaults().warmUp()).isTrue();
        assertThat(ServingProperties.defaults().aliases())
                .containsExactly(Map.entry("summarizer", "clinical-summarizer-extractive:1"));
    }

    @Test
    void bindsEveryKey() {
        ServingProperties properties = bind(Map.of(
                "attest.serving.device", "cpu",
                "attest.serving.intra-op-threads", "4",
                "attest.serving.inter-op-threads", "2",
                "attest.serving.spinning", "false",
                "attest.serving.registry-dir", "/models",
                "attest.serving.aliases.phi-ner", "phi-ner:3",
                "attest.serving.warm-up", "false"));

        assertThat(properties)
                .isEqualTo(new ServingProperties(
                        Device.CPU,
                        4,
                        2,
                        false,
                        "/models",
                        Map.of("summarizer", "clinical-summarizer-extractive:1", "phi-ner", "phi-ner:3"),
                        false));
        assertThat(properties.registryPath()).hasToString("/models");
    }

    @Test
    void aConfiguredAliasReplacesItsDefault() {
        assertThat(bind(Map.of("attest.serving.aliases.summarizer", "other:2")).aliases())
                .containsExactly(Map.entry("summarizer", "other:2"));
    }

    @Test
    void refusesAnAliasTargetWithoutAVersion() {
        assertThatThrownBy(() -> bind(Map.of("attest.serving.aliases.summarizer", "other")))
                .isInstanceOf(BindException.class)
                .hasStackTraceContaining("alias target must be name:version");
    }
}
