package org.attest.api.redaction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.attest.api.web.ApiProperties;
import org.attest.api.web.PayloadTooLargeException;
import org.attest.api.web.TextRequest;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.Redaction;
import org.attest.redaction.Redactor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/redact} and {@code POST /v1/redact/batch}: the redacted text and where the PHI was, never the PHI
 * itself. A batch is redacted in one call (one NER model run for all its texts, pseudonyms numbered across it); its
 * texts together may carry at most {@code attest.api.max-text-chars} characters.
 */
@RestController
class RedactionController {

    /** Texts per batch request. */
    static final int MAX_BATCH = 64;

    private final Redactor redactor;
    private final ApiProperties limits;

    RedactionController(Redactor redactor, ApiProperties limits) {
        this.redactor = redactor;
        this.limits = limits;
    }

    @PostMapping(
            path = "/v1/redact",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    RedactResponse redact(@Valid @RequestBody TextRequest body) {
        Redaction redaction = redactor.redact(body.textWithin(limits));
        return new RedactResponse(
                redaction.redactedText(),
                redaction.entities().stream().map(Entity::of).toList(),
                redaction.policyVersion());
    }

    @PostMapping(
            path = "/v1/redact/batch",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    BatchResponse redactBatch(@Valid @RequestBody BatchRequest body) {
        long chars = body.texts().stream().mapToLong(String::length).sum();
        if (chars > limits.maxTextChars()) {
            throw new PayloadTooLargeException();
        }
        List<Redaction> redactions = redactor.redactAll(body.texts());
        return new BatchResponse(
                redactions.stream()
                        .map(r -> new BatchItem(
                                r.redactedText(),
                                r.entities().stream().map(Entity::of).toList()))
                        .toList(),
                redactions.getFirst().policyVersion());
    }

    /**
     * The response body.
     *
     * @param redactedText the text with placeholders in place of PHI
     * @param entities what was found, with offsets into the original text (UTF-16 indices, end exclusive)
     * @param policyVersion the redaction policy applied
     */
    record RedactResponse(String redactedText, List<Entity> entities, String policyVersion) {}

    /**
     * A batch request: {@code {"texts": ["...", "..."]}}, 1 to {@value #MAX_BATCH} texts, none blank.
     *
     * @param texts the texts, redacted in this order
     */
    record BatchRequest(
            @NotEmpty(message = "must not be empty")
            @Size(max = MAX_BATCH, message = "must have at most " + MAX_BATCH + " texts")
            List<@NotBlank(message = "must not be blank") String> texts) {}

    /**
     * A batch response: one result per text, in the order of the request, all under one policy version.
     *
     * @param results the redactions
     * @param policyVersion the redaction policy applied to every text
     */
    record BatchResponse(List<BatchItem> results, String policyVersion) {}

    /**
     * One text's redaction within a batch.
     *
     * @param redactedText the text with placeholders in place of PHI
     * @param entities what was found, with offsets into that text
     */
    record BatchItem(String redactedText, List<Entity> entities) {}

    /**
     * One entity: category, finer subtype, offsets into the original text, score and the detector that found it.
     */
    record Entity(String type, String subtype, int start, int end, double score, String detector) {

        static Entity of(PhiEntity entity) {
            return new Entity(
                    entity.type().name(),
                    entity.subtype(),
                    entity.start(),
                    entity.end(),
                    entity.score(),
                    entity.detector());
        }
    }
}
