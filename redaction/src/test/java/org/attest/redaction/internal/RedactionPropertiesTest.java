package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.attest.redaction.Redactor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class RedactionPropertiesTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(RedactionConfiguration.class);

    @Test
    void defaultsAreSafeHarbor() {
        context.run(app -> {
            assertThat(app.getBean(RedactionProperties.class)).isEqualTo(RedactionProperties.defaults());
            assertThat(app.getBean(Redactor.class).policyVersion()).isEqualTo("safe-harbor-regex/1");
        });
    }

    @Test
    void settingsBindAndShowInThePolicyVersion() {
        context.withPropertyValues("attest.redaction.age-threshold=85", "attest.redaction.yearless-dates=always")
                .run(app -> {
                    assertThat(app.getBean(RedactionProperties.class))
                            .isEqualTo(new RedactionProperties(85, YearlessDatePolicy.ALWAYS));
                    assertThat(app.getBean(Redactor.class).policyVersion())
                            .isEqualTo("safe-harbor-regex/1;age-threshold=85;yearless-dates=always");
                });
    }

    @Test
    void refusesAnAgeThresholdAboveSafeHarbor() {
        context.withPropertyValues("attest.redaction.age-threshold=90")
                .run(app -> assertThat(app).hasFailed());
        context.withPropertyValues("attest.redaction.age-threshold=-1")
                .run(app -> assertThat(app).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RedactionProperties.class)
    @Import(PolicyRedactor.class)
    static class RedactionConfiguration {}
}
