package org.attest.api.summaries;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.attest.api.security.Caller;
import org.attest.api.web.ApiProperties;
import org.attest.api.web.NotFoundException;
import org.attest.api.web.RequestIds;
import org.attest.api.web.TextRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/summaries}: summarize a clinical text, and read back one's own summaries. */
@RestController
@RequestMapping(path = "/v1/summaries", produces = MediaType.APPLICATION_JSON_VALUE)
class SummariesController {

    private final Summarization summarization;
    private final Summaries summaries;
    private final ApiProperties limits;
    private final ReviewOutcomes outcomes;

    SummariesController(
            Summarization summarization, Summaries summaries, ApiProperties limits, ReviewOutcomes outcomes) {
        this.summarization = summarization;
        this.summaries = summaries;
        this.limits = limits;
        this.outcomes = outcomes;
    }

    /** 201 with the summary when it is released, 202 with {@code PENDING_REVIEW} when a clinician must see it. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SummaryResponse> summarize(
            @Valid @RequestBody TextRequest body, @AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        Summary summary =
                summarization.summarize(Caller.of(token), RequestIds.current(request), body.textWithin(limits));
        HttpStatus status = summary.status() == SummaryStatus.RELEASED ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status)
                .location(URI.create("/v1/summaries/" + summary.id()))
                .body(SummaryResponse.of(summary));
    }

    @GetMapping("/{id}")
    SummaryResponse read(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        UUID summaryId = parse(id);
        return summaries
                .findOwnedBy(summaryId, Caller.of(token).clientId())
                .map(summary -> SummaryResponse.of(summary, outcomes.of(summary.id())))
                .orElseThrow(NotFoundException::new);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
