package org.attest.api.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.attest.api.security.Caller;
import org.attest.api.web.ApiProblem;
import org.attest.api.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Charges each authenticated {@code /v1} request to its client's bucket. Every response carries the IETF
 * {@code RateLimit-Policy} and {@code RateLimit} headers; a refused request gets 429 with {@code Retry-After}.
 * Placed in the security chain right after bearer-token authentication.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger securityEvents = LoggerFactory.getLogger("org.attest.security.events");

    private final ClientRateLimits limits;
    private final Problems problems;
    private final String policy;

    RateLimitFilter(ClientRateLimits limits, Problems problems, int requestsPerMinute) {
        this.limits = limits;
        this.problems = problems;
        this.policy = "\"default\";q=" + requestsPerMinute + ";w=60";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            chain.doFilter(request, response);
            return;
        }
        String clientId = Caller.of(jwt).clientId();
        RateLimitDecision decision = limits.tryAcquire(clientId);
        response.setHeader("RateLimit-Policy", policy);
        response.setHeader("RateLimit", "\"default\";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        securityEvents.info("rate limit exceeded: client {} ({} buckets)", clientId, decision.backend());
        response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        problems.write(Problems.of(ApiProblem.RATE_LIMITED, request), response);
    }
}
