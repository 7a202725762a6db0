package org.attest.api.reviews;

import jakarta.servlet.http.HttpServletRequest;
import org.attest.api.web.ApiProblem;
import org.attest.api.web.Problems;
import org.attest.review.IllegalTransitionException;
import org.attest.review.UnknownReviewItemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The review module's refusals as problems: an illegal transition is 409 with its refusal code, an unknown item 404. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewProblems {

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> conflict(IllegalTransitionException refused, HttpServletRequest request) {
        ProblemDetail body = Problems.of(ApiProblem.REVIEW_CONFLICT, request);
        body.setProperty("refusal", refused.refusal().name());
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    @ExceptionHandler(UnknownReviewItemException.class)
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        ProblemDetail body = Problems.of(ApiProblem.NOT_FOUND, request);
        return ResponseEntity.status(body.getStatus()).body(body);
    }
}
