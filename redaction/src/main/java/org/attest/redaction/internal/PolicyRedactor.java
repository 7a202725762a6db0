package org.attest.redaction.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.attest.redaction.DetectionStatus;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.Redaction;
import org.attest.redaction.Redactor;
import org.attest.serving.InferenceRejectedException;
import org.attest.serving.ModelStatus;
import org.attest.serving.TokenClassifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The redactor in force: every recognizer of the {@link RedactionPolicy} looks at the texts (the NER model once per
 * batch, when it is ready), candidates below their category's threshold or on the {@link ClinicalAllowList} are
 * dropped, the {@link OverlapResolver} merges what overlaps, and {@link EntityOperators} replace each entity. If the
 * NER model is not ready or fails on a request, that request is redacted by the regular expressions alone and its
 * policy version says {@code +regex-only}. Thread-safe; never logs the text or an entity's text.
 */
@Component
final class PolicyRedactor implements Redactor {

    private static final Logger log = LoggerFactory.getLogger(PolicyRedactor.class);

    private final RedactionPolicy policy;
    private final byte[] pseudonymKey;

    @Autowired
    PolicyRedactor(RedactionProperties settings, ObjectProvider<TokenClassifier> classifiers) {
        this(settings, classifiers.getIfAvailable());
    }

    /** Regular expressions only. */
    PolicyRedactor(RedactionProperties settings) {
        this(settings, (TokenClassifier) null);
    }

    PolicyRedactor(RedactionProperties settings, @Nullable TokenClassifier classifier) {
        this.policy = RedactionPolicy.of(settings, classifier == null ? null : new NerRecognizer(classifier));
        this.pseudonymKey = key(settings.pseudonymKey());
        DetectionStatus status = status();
        List<String> names = policy.recognizers().stream().map(Recognizer::name).toList();
        if (status.nerActive()) {
            log.info(
                    "Redaction policy {} with recognizers {} and {}", status.policyVersion(), names, status.nerModel());
        } else {
            log.warn(
                    "Redaction policy {}: NER model not in force ({}), regular expressions only: {}",
                    status.policyVersion(),
                    status.reason(),
                    names);
        }
    }

    @Override
    public Redaction redact(String text) {
        return redactAll(List.of(text)).getFirst();
    }

    @Override
    public List<Redaction> redactAll(List<String> texts) {
        List<List<PhiEntity>> candidates = new ArrayList<>(texts.size());
        texts.forEach(text -> candidates.add(new ArrayList<>()));
        for (Recognizer recognizer : policy.recognizers()) {
            addAll(candidates, recognizer.findAll(texts));
        }
        String nerModel = runNer(texts, candidates);
        String version = policy.version(nerModel);
        Pseudonyms pseudonyms = new Pseudonyms(pseudonymKey);
        List<Redaction> redactions = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            List<PhiEntity> entities = OverlapResolver.merge(kept(text, candidates.get(i)));
            String redacted =
                    EntityOperators.apply(text, entities, policy.settings().operators(), pseudonyms);
            redactions.add(new Redaction(redacted, entities, version));
        }
        return redactions;
    }

    /** Adds the NER model's candidates; returns the model id, or null when it did not take part. */
    private @Nullable String runNer(List<String> texts, List<List<PhiEntity>> candidates) {
        NerRecognizer ner = policy.ner();
        if (ner == null || !ner.ready()) {
            return null;
        }
        try {
            addAll(candidates, ner.findAll(texts));
            return ner.modelId();
        } catch (InferenceRejectedException overloaded) {
            // a full queue is load, not a failure: the request is refused (503), not redacted with less
            throw overloaded;
        } catch (RuntimeException e) {
            // The class name only: a message could quote the input.
            log.error(
                    "NER model failed on a request ({}); it is redacted by regular expressions only",
                    e.getClass().getName());
            return null;
        }
    }

    private List<PhiEntity> kept(String text, List<PhiEntity> candidates) {
        List<int[]> protectedSpans = policy.allowList().protectedSpans(text);
        return candidates.stream()
                .filter(c -> c.score() >= policy.settings().threshold(c.type()))
                .filter(c -> !policy.allowList().allows(text, c, protectedSpans))
                .toList();
    }

    private static void addAll(List<List<PhiEntity>> into, List<List<PhiEntity>> found) {
        for (int i = 0; i < into.size(); i++) {
            into.get(i).addAll(found.get(i));
        }
    }

    @Override
    public String policyVersion() {
        return status().policyVersion();
    }

    @Override
    public DetectionStatus status() {
        NerRecognizer ner = policy.ner();
        if (ner == null) {
            String reason =
                    policy.settings().ner() ? "no NER model configured" : "switched off by attest.redaction.ner";
            return new DetectionStatus(policy.version(null), false, null, reason);
        }
        if (!ner.ready()) {
            ModelStatus model = ner.status();
            String reason = "model " + model.version().id() + " is " + model.state()
                    + (model.failureReason() == null ? "" : ": " + model.failureReason());
            return new DetectionStatus(
                    policy.version(null), false, model.version().id(), reason);
        }
        return new DetectionStatus(policy.version(ner.modelId()), true, ner.modelId(), null);
    }

    private static byte[] key(@Nullable String configured) {
        if (configured != null) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
