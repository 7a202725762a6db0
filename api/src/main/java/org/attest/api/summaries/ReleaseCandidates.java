package org.attest.api.summaries;

import org.attest.review.ReleaseCandidate;
import org.attest.serving.ModelCard;
import org.attest.serving.ModelRegistry;
import org.attest.serving.SummaryDraft;
import org.springframework.stereotype.Component;

/**
 * What the release rules see of a prediction: the draft's confidence signals and model version, the input's length,
 * the scope its model card declares and the input's language as {@link LanguageGuess} tells it (null when it cannot:
 * the card's language limit then does not fire); the out-of-distribution flag is the summarizer's own.
 */
@Component
class ReleaseCandidates {

    private final ModelRegistry registry;

    ReleaseCandidates(ModelRegistry registry) {
        this.registry = registry;
    }

    ReleaseCandidate of(SummaryDraft draft, String text) {
        ReleaseCandidate.CardScope scope = registry.card(
                        draft.model().name(), draft.model().version())
                .map(ModelCard::scope)
                .map(card -> new ReleaseCandidate.CardScope(card.minChars(), card.maxChars(), card.languages()))
                .orElse(null);
        return new ReleaseCandidate(
                draft.confidence(),
                draft.model().confidenceThreshold(),
                draft.degraded(),
                draft.model().name() + ":" + draft.model().version(),
                text.length(),
                LanguageGuess.of(text).orElse(null),
                draft.outOfDistribution(),
                scope);
    }
}
