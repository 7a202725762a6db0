package org.attest.redaction.internal;

import org.attest.serving.TokenClassifier;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The real phi-ner model, served by the serving module exactly as in the application (its components, its
 * manifest on the classpath from the attest-phi-ner jar), loaded once per test JVM.
 */
final class PhiNerFixture {

    private static TokenClassifier classifier;

    private PhiNerFixture() {}

    static synchronized TokenClassifier classifier() {
        if (classifier == null) {
            AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new org.springframework.core.env.MapPropertySource(
                            "phi-ner", java.util.Map.of("attest.serving.aliases.phi-ner", "phi-ner:2")));
            context.register(Serving.class);
            context.refresh();
            context.registerShutdownHook();
            classifier = context.getBean(TokenClassifier.class);
        }
        return classifier;
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan("org.attest.serving")
    static class Serving {}
}
