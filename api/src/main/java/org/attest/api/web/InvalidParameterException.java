package org.attest.api.web;

import java.util.List;

/**
 * Query parameters the operation cannot accept; answered with 400 {@link ApiProblem#INVALID_PARAMETER} and one
 * {@code errors} entry per parameter. Messages name the parameter and the rule, never the rejected value.
 */
public class InvalidParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidParameterException(List<Violation> violations) {
        super("invalid query parameters", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public InvalidParameterException(String parameter, String message) {
        this(List.of(new Violation(parameter, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /**
     * One refused parameter.
     *
     * @param parameter its name
     * @param message the rule it breaks, in fixed text
     */
    public record Violation(String parameter, String message) {}
}
