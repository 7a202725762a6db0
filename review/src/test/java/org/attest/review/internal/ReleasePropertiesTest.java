package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Defaults, ranges, and how overrides are described. */
class ReleasePropertiesTest {

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void defaultsAreNoOverrideAndFivePercentSampling() {
        ReleaseProperties bound = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("attest.release", ReleaseProperties.class);

        assertThat(bound).isEqualTo(ReleaseProperties.defaults());
        assertThat(bound.thresholdOverride()).isNull();
        assertThat(bound.qaSampleRate()).isEqualTo(0.05);
        assertThat(bound.overrides()).isEmpty();
        assertThat(bound.policyVersion()).isEqualTo("release-policy/2");
    }

    @Test
    void overridesBindFromKebabCaseKeysAndAreDescribed() {
        ReleaseProperties bound = new Binder(new MapConfigurationPropertySource(
                        Map.of("attest.release.threshold-override", "1.0", "attest.release.qa-sample-rate", "0")))
                .bindOrCreate("attest.release", ReleaseProperties.class);

        assertThat(bound.overrides()).containsExactly("threshold-override=1.0", "qa-sample-rate=0.0");
        assertThat(new ReleaseProperties(0.0, 0.05).overrides()).containsExactly("threshold-override=0.0");
        assertThat(new ReleaseProperties(null, 0.2).policyVersion()).isEqualTo("release-policy/2;qa-sample-rate=0.2");
    }

    @Test
    void valuesOutsideZeroToOneAreInvalid() {
        assertThat(validator.validate(new ReleaseProperties(1.0, 1.0))).isEmpty();
        assertThat(validator.validate(new ReleaseProperties(0.0, 0.0))).isEmpty();
        assertThat(validator.validate(new ReleaseProperties(1.01, 0.05))).hasSize(1);
        assertThat(validator.validate(new ReleaseProperties(-0.1, 0.05))).hasSize(1);
        assertThat(validator.validate(new ReleaseProperties(null, 1.5))).hasSize(1);
        assertThat(validator.validate(new ReleaseProperties(null, -0.01))).hasSize(1);
    }

    @Test
    void notANumberIsInvalid() {
        assertThat(validator.validate(new ReleaseProperties(Double.NaN, 0.05))).isNotEmpty();
        assertThat(validator.validate(new ReleaseProperties(null, Double.NaN))).isNotEmpty();
    }
}
