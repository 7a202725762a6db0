package org.attest.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.attest.api.security.AccessDenialListener;
import org.attest.api.security.Caller;
import org.attest.api.web.ApiProperties;
import org.attest.api.web.RequestIds;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Records every refused call on {@code /v1/audit/...} as an ACCESS_DENIED event: who (a valid token without
 * {@code audit:read}), which client, which request and what was asked. The refusal stands even when the event cannot
 * be committed; that failure is logged.
 */
@Component
class AuditAccessDenials implements AccessDenialListener {

    static final String AUDIT_PATHS = "/v1/audit";

    private static final Logger log = LoggerFactory.getLogger(AuditAccessDenials.class);

    private final AuditTrail trail;
    private final Duration commitTimeout;

    AuditAccessDenials(AuditTrail trail, ApiProperties properties) {
        this.trail = trail;
        this.commitTimeout = properties.commitTimeout();
    }

    @Override
    public void denied(HttpServletRequest request, Authentication authentication) {
        String path = request.getRequestURI();
        if (!(path.equals(AUDIT_PATHS) || path.startsWith(AUDIT_PATHS + "/"))
                || !(authentication instanceof JwtAuthenticationToken jwt)) {
            return;
        }
        Caller caller = Caller.of(jwt.getToken());
        AuditEvent event = AuditEvent.builder(
                        AuditEventType.ACCESS_DENIED, caller.actor(), caller.clientId(), RequestIds.current(request))
                .subject(request.getMethod() + " " + (path.length() > 200 ? path.substring(0, 200) : path))
                .decision("DENIED", "scope audit:read required")
                .build();
        try {
            trail.record(event, commitTimeout);
        } catch (RuntimeException e) {
            log.warn(
                    "access denial on {} could not be audited: {}",
                    AUDIT_PATHS,
                    e.getClass().getName());
        }
    }
}
