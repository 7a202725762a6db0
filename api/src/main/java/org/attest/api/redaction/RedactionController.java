package org.attest.api.redaction;

import jakarta.validation.Valid;
import java.util.List;
import org.attest.api.web.ApiProperties;
import org.attest.api.web.TextRequest;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.Redaction;
import org.attest.redaction.Redactor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/redact}: the redacted text and where the PHI was, never the PHI itself. */
@RestController
class RedactionController {

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

    /**
     * The response body.
     *
     * @param redactedText the text with placeholders in place of PHI
     * @param entities what was found, with offsets into the original text (UTF-16 indices, end exclusive)
     * @param policyVersion the redaction policy applied
     */
    record RedactResponse(String redactedText, List<Entity> entities, String policyVersion) {}

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
