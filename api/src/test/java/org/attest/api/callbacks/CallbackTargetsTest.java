package org.attest.api.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Callback URLs must not reach into the server's own network (SSRF): literal addresses, so no DNS is needed. */
class CallbackTargetsTest {

    private final CallbackTargets targets = new CallbackTargets(false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/hook",
                "http://localhost/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.5/hook",
                "http://172.16.3.4/hook",
                "http://192.168.1.10/hook",
                "http://100.64.0.1/hook",
                "http://0.0.0.0/hook",
                "http://[::1]/hook",
                "http://[fe80::1]/hook",
                "http://[fd12:3456::1]/hook",
                "http://[::ffff:10.0.0.1]/hook",
                "http://224.0.0.1/hook"
            })
    void internalAddressesAreRefused(String url) {
        assertThat(targets.refusal(url))
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("private").doesNotContain(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"https://8.8.8.8/hook", "http://93.184.215.14:8443/callbacks", "https://[2001:4860::8888]/"})
    void publicAddressesAreAccepted(String url) {
        assertThat(targets.refusal(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://8.8.8.8/hook", "http://user:secret@8.8.8.8/hook", "not a url"})
    void otherSchemesCredentialsAndNonsenseAreRefused(String url) {
        assertThat(targets.refusal(url)).isPresent();
    }

    @Test
    void aTrustedNetworkCanBeAllowed() {
        assertThat(new CallbackTargets(true).refusal("http://10.0.0.5/hook")).isEmpty();
    }

    @Test
    void theRegistrationBodyIsValidatedWithTheApplicationsTargets() {
        ConstraintValidatorFactory defaults =
                Validation.byDefaultProvider().configure().getDefaultConstraintValidatorFactory();
        ConstraintValidatorFactory factory = new ConstraintValidatorFactory() {
            @Override
            public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                // what Spring's factory does: the application's bean for ours, the provider's for the rest
                return key == PublicCallbackTarget.Check.class
                        ? key.cast(new PublicCallbackTarget.Check(targets))
                        : defaults.getInstance(key);
            }

            @Override
            public void releaseInstance(ConstraintValidator<?, ?> instance) {}
        };
        try (var validation = Validation.byDefaultProvider()
                .configure()
                .constraintValidatorFactory(factory)
                .buildValidatorFactory()) {
            Validator validator = validation.getValidator();

            Set<ConstraintViolation<CallbacksController.Registration>> violations = validator.validate(
                    new CallbacksController.Registration("http://169.254.169.254/latest/meta-data/"));

            assertThat(violations)
                    .singleElement()
                    .satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("url"));
            assertThat(validator.validate(new CallbacksController.Registration("https://8.8.8.8/hook")))
                    .isEmpty();
        }
    }
}
