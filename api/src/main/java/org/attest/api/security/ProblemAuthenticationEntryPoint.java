package org.attest.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.attest.api.web.ApiProblem;
import org.attest.api.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem details, keeping the RFC 6750 {@code WWW-Authenticate} header, and a security event in
 * the log (error code only: never the token).
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger("org.attest.security.events");

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final Problems problems;
    private final List<AccessDenialListener> denialListeners;

    ProblemAuthenticationEntryPoint(Problems problems, List<AccessDenialListener> denialListeners) {
        this.problems = problems;
        this.denialListeners = List.copyOf(denialListeners);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String code = failure instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : "missing_token";
        log.info("authentication failed: {} {} ({})", request.getMethod(), request.getRequestURI(), code);
        bearerEntryPoint.commence(request, response, failure);
        problems.write(Problems.of(ApiProblem.UNAUTHORIZED, request), response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        log.info("access denied: {} {}", request.getMethod(), request.getRequestURI());
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            denialListeners.forEach(listener -> listener.denied(request, authentication));
        }
        bearerDenied.handle(request, response, denied);
        problems.write(Problems.of(ApiProblem.FORBIDDEN, request), response);
    }
}
