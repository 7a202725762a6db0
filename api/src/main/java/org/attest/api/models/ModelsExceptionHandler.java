package org.attest.api.models;

import jakarta.servlet.http.HttpServletRequest;
import org.attest.api.web.ApiProblem;
import org.attest.api.web.Problems;
import org.attest.serving.ModelNotServableException;
import org.attest.serving.UnknownModelException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The registry's refusals as problems: an unknown model, version or alias is 404; a version that cannot serve, or a
 * rollback with nothing to go back to, is 409 with the reason (names, versions and paths only — never PHI).
 */
@RestControllerAdvice(assignableTypes = ModelsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelsExceptionHandler {

    @ExceptionHandler(UnknownModelException.class)
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        ProblemDetail body = Problems.of(ApiProblem.NOT_FOUND, request);
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    @ExceptionHandler(ModelNotServableException.class)
    ResponseEntity<ProblemDetail> notServable(ModelNotServableException ex, HttpServletRequest request) {
        ProblemDetail body = Problems.of(ApiProblem.MODEL_CONFLICT, request);
        body.setProperty("reason", ex.getMessage());
        return ResponseEntity.status(body.getStatus()).body(body);
    }
}
