package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.Redaction;
import org.attest.redaction.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The redactor in force: every recognizer of the {@link RedactionPolicy} looks at the text, the
 * {@link OverlapResolver} keeps one entity per stretch of text, and the {@link PlaceholderOperator} replaces each with
 * its placeholder. Stateless and thread-safe; never logs the text or an entity's text.
 */
@Component
final class PolicyRedactor implements Redactor {

    private static final Logger log = LoggerFactory.getLogger(PolicyRedactor.class);

    private final RedactionPolicy policy;

    PolicyRedactor(RedactionProperties settings) {
        this.policy = RedactionPolicy.safeHarborRegex(settings);
        log.info(
                "Redaction policy {} with recognizers {}",
                policy.version(),
                policy.recognizers().stream().map(Recognizer::name).toList());
    }

    @Override
    public Redaction redact(String text) {
        List<PhiEntity> candidates = new ArrayList<>();
        for (Recognizer recognizer : policy.recognizers()) {
            candidates.addAll(recognizer.find(text));
        }
        List<PhiEntity> entities = OverlapResolver.resolve(candidates);
        return new Redaction(PlaceholderOperator.apply(text, entities), entities, policy.version());
    }

    @Override
    public String policyVersion() {
        return policy.version();
    }
}
