package org.attest.api.reviews;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.attest.api.security.Caller;
import org.attest.api.web.InvalidParameterException;
import org.attest.api.web.NotFoundException;
import org.attest.api.web.RequestIds;
import org.attest.redaction.Redactor;
import org.attest.review.DecisionReason;
import org.attest.review.ReviewDecision;
import org.attest.review.ReviewQueue;
import org.attest.review.ReviewStatistics;
import org.attest.review.ReviewStatus;
import org.attest.review.Reviewer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/reviews} (scope {@code reviews}): the clinician's queue. Every refusal is a problem, never a 5xx. */
@RestController
@RequestMapping(path = "/v1/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
class ReviewsController {

    static final int MAX_PAGE_SIZE = 100;

    private final ReviewQueue queue;
    private final ReviewStatistics statistics;
    private final Redactor redactor;
    private final RejectionWarnings warnings;

    ReviewsController(ReviewQueue queue, ReviewStatistics statistics, Redactor redactor, RejectionWarnings warnings) {
        this.queue = queue;
        this.statistics = statistics;
        this.redactor = redactor;
        this.warnings = warnings;
    }

    @GetMapping
    Page list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String model,
            @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "20") String size,
            @AuthenticationPrincipal Jwt token) {
        int pageNumber = integer("page", page, 0, 1_000_000);
        int pageSize = integer("size", size, 1, MAX_PAGE_SIZE);
        if (model != null && (model.isBlank() || model.length() > 200)) {
            throw new InvalidParameterException("model", "must be a name:version of at most 200 characters");
        }
        Caller caller = Caller.of(token);
        List<ReviewView> items = queue.page(status(status), model, pageNumber, pageSize).stream()
                .map(item -> ReviewView.of(item, caller.actor()))
                .toList();
        return new Page(items, pageNumber, pageSize);
    }

    @GetMapping("/stats")
    List<ReviewStatistics.ModelReviewStatistics> stats() {
        List<ReviewStatistics.ModelReviewStatistics> byModel = statistics.byModelVersion();
        warnings.update(byModel);
        return byModel;
    }

    @GetMapping("/{id}")
    ReviewView read(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        return queue.find(parse(id))
                .map(item -> ReviewView.of(item, Caller.of(token).actor()))
                .orElseThrow(NotFoundException::new);
    }

    /** Claims the next open item: 200 with it, or 204 when the queue is empty. */
    @PostMapping("/next")
    ResponseEntity<ReviewView> next(
            @RequestParam(required = false) @Nullable String model,
            @AuthenticationPrincipal Jwt token,
            HttpServletRequest request) {
        Reviewer reviewer = reviewer(token, request);
        return queue.claimNext(reviewer, model)
                .map(item -> ResponseEntity.ok(ReviewView.of(item, reviewer.actor())))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/claim")
    ReviewView claim(@PathVariable String id, @AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        Reviewer reviewer = reviewer(token, request);
        return ReviewView.of(queue.claim(parse(id), reviewer), reviewer.actor());
    }

    @PostMapping("/{id}/approve")
    ReviewView approve(@PathVariable String id, @AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        return decide(id, new ReviewDecision.Approve(), token, request);
    }

    @PostMapping(path = "/{id}/edit", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewView edit(
            @PathVariable String id,
            @Valid @RequestBody Edit body,
            @AuthenticationPrincipal Jwt token,
            HttpServletRequest request) {
        // defence in depth: the released text goes through the same redaction as model output
        String text = redactor.redact(body.text()).redactedText();
        return decide(id, new ReviewDecision.Edit(text, body.reason()), token, request);
    }

    @PostMapping(path = "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReviewView reject(
            @PathVariable String id,
            @Valid @RequestBody Reject body,
            @AuthenticationPrincipal Jwt token,
            HttpServletRequest request) {
        return decide(id, new ReviewDecision.Reject(body.reason()), token, request);
    }

    private ReviewView decide(String id, ReviewDecision decision, Jwt token, HttpServletRequest request) {
        Reviewer reviewer = reviewer(token, request);
        return ReviewView.of(queue.decide(parse(id), reviewer, decision), reviewer.actor());
    }

    private static Reviewer reviewer(Jwt token, HttpServletRequest request) {
        Caller caller = Caller.of(token);
        return new Reviewer(caller.actor(), caller.clientId(), RequestIds.current(request));
    }

    private static @Nullable ReviewStatus status(@Nullable String status) {
        if (status == null) {
            return null;
        }
        try {
            return ReviewStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("status", "must be PENDING, CLAIMED, APPROVED, EDITED or REJECTED");
        }
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below, without the value
        }
        throw new InvalidParameterException(name, "must be an integer from " + min + " to " + max);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    /** One page of items. */
    record Page(List<ReviewView> items, int page, int size) {}

    /** An edit: the clinician's text and why. */
    record Edit(
            @NotBlank @Size(max = 20_000) String text,
            @NotNull DecisionReason reason) {}

    /** A rejection and why. */
    record Reject(@NotNull DecisionReason reason) {}
}
