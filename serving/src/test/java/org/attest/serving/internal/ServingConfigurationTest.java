package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.serving.ModelRegistry;
import org.attest.serving.ModelState;
import org.attest.serving.Summarizer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The module's beans in a Spring context: a broken model leaves the context up, a missing GPU or bad settings don't. */
class ServingConfigurationTest {

    private final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withUserConfiguration(ServingConfiguration.class);

    @Test
    void startsWithTheShippedModelReady() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Summarizer.class).hasSingleBean(ModelRegistry.class);
            assertThat(context.getBean(Summarizer.class).status().state()).isEqualTo(ModelState.READY);
        });
    }

    @Test
    void startsDegradedWhenTheModelCannotLoad() {
        contexts.withPropertyValues("attest.serving.aliases.summarizer=clinical-summarizer-extractive:99")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Summarizer.class).status().state())
                            .isEqualTo(ModelState.FAILED);
                });
    }

    @Test
    void refusesToStartOnCudaWithoutCuda() {
        OnnxRuntimeEngineTest.assumeCpuBuild();

        contexts.withPropertyValues("attest.serving.device=cuda").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining(CudaUnavailableException.class.getName())
                    .hasStackTraceContaining("attest.serving.device=cuda but the CUDA execution provider");
        });
    }

    @Test
    void refusesNegativeThreadCounts() {
        contexts.withPropertyValues("attest.serving.intra-op-threads=-1")
                .run(context -> assertThat(context).hasFailed());
    }
}
