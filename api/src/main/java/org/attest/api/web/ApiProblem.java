package org.attest.api.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every problem the API reports, with a stable {@code type} URI and fixed, PHI-free text. Clients match on
 * {@link #type()}; titles and details may be reworded.
 */
public enum ApiProblem {
    MALFORMED_REQUEST(
            HttpStatus.BAD_REQUEST,
            "malformed-request",
            "The request could not be read: send well-formed JSON with the documented fields."),
    INVALID_PARAMETER(
            HttpStatus.BAD_REQUEST,
            "invalid-parameter",
            "A query parameter is unknown, repeated, malformed or out of range; see errors."),
    UNAUTHORIZED(
            HttpStatus.UNAUTHORIZED, "unauthorized", "A valid bearer token from the configured issuer is required."),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "The token does not grant the scope this operation requires."),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "No such resource, or it belongs to another client."),
    MODEL_CONFLICT(
            HttpStatus.CONFLICT,
            "model-conflict",
            "The alias cannot be moved there: the version is FAILED, or there is nothing to roll back to; see reason."),
    METHOD_NOT_ALLOWED(
            HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "This resource does not support the request method."),
    NOT_ACCEPTABLE(
            HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "This resource cannot produce the requested media type."),
    REVIEW_CONFLICT(
            HttpStatus.CONFLICT,
            "review-conflict",
            "The review item's current state does not allow this; see refusal, reload the item and retry."),
    PAYLOAD_TOO_LARGE(
            HttpStatus.CONTENT_TOO_LARGE,
            "payload-too-large",
            "The request body or text is larger than the configured maximum."),
    UNSUPPORTED_MEDIA_TYPE(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "Send the request body as application/json in UTF-8."),
    VALIDATION_FAILED(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "validation-failed",
            "The request is well-formed but its content is not acceptable; see errors."),
    RATE_LIMITED(
            HttpStatus.TOO_MANY_REQUESTS,
            "rate-limited",
            "Too many requests for this client; retry after the number of seconds in Retry-After."),
    SERVICE_UNAVAILABLE(
            HttpStatus.SERVICE_UNAVAILABLE,
            "service-unavailable",
            "The request could not be completed and nothing was released; retry later."),
    INTERNAL_ERROR(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "An unexpected error occurred; quote the request id to the operator.");

    private static final String TYPE_PREFIX = "urn:attest:problem:";

    private final HttpStatus status;
    private final String slug;
    private final String detail;

    ApiProblem(HttpStatus status, String slug, String detail) {
        this.status = status;
        this.slug = slug;
        this.detail = detail;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return URI.create(TYPE_PREFIX + slug);
    }

    public String title() {
        return status.getReasonPhrase();
    }

    public String detail() {
        return detail;
    }

    /** The problem for an HTTP status the framework chose, falling back to the generic one of its class. */
    public static ApiProblem forStatus(int status) {
        for (ApiProblem problem : values()) {
            if (problem.status.value() == status) {
                return problem;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
