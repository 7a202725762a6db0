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
            assertThat(app.getBean(Redactor.class).policyVersion()).isEqualTo("safe-harbor/4+regex-only");
        });
    }

    @Test
    void settingsBindAndShowInThePolicyVersion() {
        context.withPropertyValues("attest.redaction.age-threshold=85", "attest.redaction.yearless-dates=always")
                .run(app -> {
                    assertThat(app.getBean(RedactionProperties.class))
                            .isEqualTo(new RedactionProperties(85, YearlessDatePolicy.ALWAYS));
                    assertThat(app.getBean(Redactor.class).policyVersion())
                            .isEqualTo("safe-harbor/4+regex-only;age-threshold=85;yearless-dates=always");
                });
    }

    @Test
    void policySettingsBindAndChangeTheVersion() {
        context.withPropertyValues(
                        "attest.redaction.disabled-recognizers=vin,facility",
                        "attest.redaction.thresholds.NAME=0.7",
                        "attest.redaction.allow=Mercy",
                        "attest.redaction.deny.HOSPITAL=Acme Clinic",
                        "attest.redaction.operators.NAME=pseudonym",
                        "attest.redaction.pseudonym-key=0123456789abcdef0123456789abcdef")
                .run(app -> {
                    RedactionProperties settings = app.getBean(RedactionProperties.class);
                    assertThat(settings.disabledRecognizers()).containsExactlyInAnyOrder("vin", "facility");
                    assertThat(settings.threshold(org.attest.redaction.PhiType.NAME))
                            .isEqualTo(0.7);
                    assertThat(settings.operators())
                            .containsEntry(org.attest.redaction.PhiType.NAME, OperatorKind.PSEUDONYM);
                    assertThat(settings.deny()).containsEntry(PhiKind.HOSPITAL, java.util.List.of("Acme Clinic"));
                    assertThat(app.getBean(Redactor.class).policyVersion())
                            .startsWith("safe-harbor/4+regex-only;disabled=")
                            .contains(";thresholds=", ";allow=", ";deny=", ";operators=");
                    assertThat(app.getBean(Redactor.class)
                                    .redact("Seen at Acme Clinic.")
                                    .redactedText())
                            .isEqualTo("Seen at [HOSPITAL].");
                });
    }

    @Test
    void refusesAShortPseudonymKeyAndThresholdsOutsideTheUnitInterval() {
        context.withPropertyValues("attest.redaction.pseudonym-key=short")
                .run(app -> assertThat(app).hasFailed());
        context.withPropertyValues("attest.redaction.thresholds.DATE=1.5")
                .run(app -> assertThat(app).hasFailed());
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
