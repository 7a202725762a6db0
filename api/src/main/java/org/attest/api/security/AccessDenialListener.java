package org.attest.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;

/**
 * Hears every 403 that the API's filter chain answers, before the response is written: for example to record
 * denials on audit endpoints in the audit trail. A listener must not throw; a failure of its own is its to log.
 */
@FunctionalInterface
public interface AccessDenialListener {

    /**
     * @param request the refused request
     * @param authentication who was refused (a validated token); never null here, since unauthenticated requests
     *     get 401 instead
     */
    void denied(HttpServletRequest request, Authentication authentication);
}
