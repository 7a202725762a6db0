package org.attest.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.attest.serving.InferenceRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem with a stable type and fixed text. No
 * exception message ever reaches the body or the log, since messages can quote the input.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request) {
        return respond(ApiProblem.PAYLOAD_TOO_LARGE, request, new HttpHeaders());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException ex, HttpServletRequest request) {
        ProblemDetail body = Problems.of(ApiProblem.INVALID_PARAMETER, request);
        body.setProperty(
                "errors",
                ex.violations().stream()
                        .map(v -> Map.of("parameter", v.parameter(), "message", v.message()))
                        .toList());
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
        return respond(ApiProblem.NOT_FOUND, request, new HttpHeaders());
    }

    /** The database is down, slow or refused the transaction: nothing was committed, so nothing was released. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception ex, HttpServletRequest request) {
        log.warn(
                "database unavailable, request failed closed: {}", ex.getClass().getName());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return respond(ApiProblem.SERVICE_UNAVAILABLE, request, headers);
    }

    /** The model's micro-batching queue is full: refused before any work, so retrying later is safe. */
    @ExceptionHandler(InferenceRejectedException.class)
    ResponseEntity<ProblemDetail> overloaded(InferenceRejectedException ex, HttpServletRequest request) {
        log.warn("model {} queue full, request rejected", ex.model());
        HttpHeaders headers = new HttpHeaders();
        long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return respond(ApiProblem.MODEL_OVERLOADED, request, headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
        log.error("unhandled exception", PhiSafeThrowable.of(ex));
        return respond(ApiProblem.INTERNAL_ERROR, request, new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = Problems.of(ApiProblem.VALIDATION_FAILED, servletRequest(request));
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::describe)
                .toList();
        body.setProperty("errors", errors);
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    /** Every other framework exception: keep its status, replace its body with ours. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex,
            @org.jspecify.annotations.Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = Problems.of(ApiProblem.forStatus(status.value()), servletRequest(request));
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    // Field name and the constraint's template message only: never the rejected value.
    private static Map<String, String> describe(FieldError error) {
        String message = error.getDefaultMessage();
        return Map.of("field", error.getField(), "message", message == null ? "invalid" : message);
    }

    private static ResponseEntity<ProblemDetail> respond(
            ApiProblem problem, HttpServletRequest request, HttpHeaders headers) {
        return ResponseEntity.status(problem.status()).headers(headers).body(Problems.of(problem, request));
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
