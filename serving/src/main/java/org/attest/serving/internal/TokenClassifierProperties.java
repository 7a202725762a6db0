package org.attest.serving.internal;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the model behind the {@code phi-ner} alias is read from ({@code attest.serving.phi-ner}).
 *
 * @param manifest the Spring resource location of its {@code model.yaml}; the project's own model ships on the
 *     classpath in the {@code attest-phi-ner} jar, a user's Hugging Face export can be named by {@code file:}
 */
@Validated
@ConfigurationProperties("attest.serving.phi-ner")
record TokenClassifierProperties(
        @DefaultValue("classpath:models/phi-ner/1/model.yaml") @NotBlank
        String manifest) {}
