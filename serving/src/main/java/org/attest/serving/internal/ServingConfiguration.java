package org.attest.serving.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.attest.serving.Summarizer;
import org.attest.serving.TokenClassifier;
import org.springframework.beans.factory.ObjectProvider;
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
@EnableConfigurationProperties({ServingProperties.class, BatchingProperties.class, KServeProperties.class})
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

    /** Micro-batching for every model kind that runs batches; meters go to the application's registry. */
    @Bean
    InferenceBatching inferenceBatching(BatchingProperties batching, ObjectProvider<MeterRegistry> meters) {
        return new InferenceBatching(batching, meters);
    }

    @Bean
    ExtractiveSummarizerLoader extractiveSummarizerLoader(
            OnnxRuntimeEngine engine, ModelArtifacts artifacts, InferenceBatching batching) {
        return new ExtractiveSummarizerLoader(engine, artifacts, batching);
    }

    /** Kind {@code seq2seq}: Hugging Face Optimum exports (T5, BART). */
    @Bean
    Seq2SeqModelLoader seq2SeqModelLoader(OnnxRuntimeEngine engine, ModelArtifacts artifacts) {
        return new Seq2SeqModelLoader(engine, artifacts);
    }

    /** Kind {@code kserve-v2-extractive-summarizer}: the encoder on a remote Triton/KServe server. */
    @Bean
    KServeSummarizerLoader kServeSummarizerLoader(
            ModelArtifacts artifacts, InferenceBatching batching, KServeProperties kserve) {
        return new KServeSummarizerLoader(artifacts, batching, kserve);
    }

    @Bean
    TokenClassificationLoader tokenClassificationLoader(
            OnnxRuntimeEngine engine, ModelArtifacts artifacts, InferenceBatching batching) {
        return new TokenClassificationLoader(engine, artifacts, batching);
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

    /** The PHI tagger on the {@code phi-ner} alias ({@code attest.serving.aliases.phi-ner}). */
    @Bean
    TokenClassifier phiNer(VersionedModelRegistry registry) {
        return new PhiNerModel(registry);
    }
}
