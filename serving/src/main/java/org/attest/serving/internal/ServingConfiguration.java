package org.attest.serving.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Wires the serving engine: one ONNX Runtime engine for the process, and where model files are read from. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServingProperties.class)
class ServingConfiguration {

    /** Fails the startup when {@code attest.serving.device=cuda} and CUDA cannot be used. */
    @Bean
    OnnxRuntimeEngine onnxRuntimeEngine(ServingProperties properties) {
        return new OnnxRuntimeEngine(properties);
    }

    @Bean
    ModelArtifacts modelArtifacts(ResourceLoader resourceLoader) {
        return new ModelArtifacts(resourceLoader);
    }
}
