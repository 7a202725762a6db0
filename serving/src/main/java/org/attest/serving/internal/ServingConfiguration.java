package org.attest.serving.internal;

import java.util.List;
import org.attest.serving.Summarizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Wires the serving engine: one ONNX Runtime engine for the process, one loader per model kind, the registry that
 * loads versions through them, and the summarizer on the {@code summarizer} alias. A loader for another kind is one
 * more {@link ModelLoader} bean.
 */
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

    @Bean
    ExtractiveSummarizerLoader extractiveSummarizerLoader(OnnxRuntimeEngine engine, ModelArtifacts artifacts) {
        return new ExtractiveSummarizerLoader(engine, artifacts);
    }

    @Bean
    VersionedModelRegistry modelRegistry(
            ResourceLoader resourceLoader,
            ModelArtifacts artifacts,
            List<ModelLoader> loaders,
            ServingProperties properties) {
        return new VersionedModelRegistry(
                new RegistryScanner(ResourcePatternUtils.getResourcePatternResolver(resourceLoader)),
                artifacts,
                loaders,
                properties);
    }

    @Bean
    Summarizer summarizer(VersionedModelRegistry registry) {
        return new SummarizerModel(registry);
    }
}
