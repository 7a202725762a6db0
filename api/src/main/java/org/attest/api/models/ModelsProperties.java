package org.attest.api.models;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Model aliases across replicas ({@code attest.models}).
 *
 * @param aliasPollInterval how often each replica reads the stored aliases and follows a move made on another
 *     replica; a promotion reaches every replica within about this long
 */
@Validated
@ConfigurationProperties("attest.models")
record ModelsProperties(@DefaultValue("5s") Duration aliasPollInterval) {

    ModelsProperties {
        if (aliasPollInterval.isNegative() || aliasPollInterval.isZero()) {
            throw new IllegalArgumentException("attest.models.alias-poll-interval must be positive");
        }
    }
}
