package org.attest.api.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.attest.api.web.ApiProperties;
import org.attest.api.web.RequestIds;
import org.attest.audit.Actor;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditLog;
import org.attest.audit.AuditReport;
import org.attest.audit.AuditTrail;
import org.attest.audit.ChainVerification;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /ui/audit}: the compliance officer's report (counts by event type, decision and model version, the
 * reviewers' override rate) for a date range, and a button that walks the chain. Both are audited like their API
 * counterparts.
 */
@Controller
@RequestMapping("/ui/audit")
class AuditPages {

    static final int DEFAULT_DAYS = 30;

    private final AuditLog log;
    private final AuditTrail trail;
    private final Clock clock;
    private final Duration commitTimeout;

    AuditPages(AuditLog log, AuditTrail trail, Clock clock, ApiProperties properties) {
        this.log = log;
        this.trail = trail;
        this.clock = clock;
        this.commitTimeout = properties.commitTimeout();
    }

    @GetMapping
    String report(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @AuthenticationPrincipal OidcUser user,
            HttpServletRequest request,
            Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate end = date(to, today.plusDays(1));
        LocalDate start = date(from, end.minusDays(DEFAULT_DAYS));
        if (!start.isBefore(end)) {
            start = end.minusDays(1);
            model.addAttribute("error", "The start must be before the end; showing one day.");
        }
        Instant fromInstant = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant toInstant = end.atStartOfDay(ZoneOffset.UTC).toInstant();
        record(
                user,
                request,
                AuditEventType.AUDIT_EXPORTED,
                "GET /ui/audit?from=" + start + "&to=" + end,
                "text/html",
                null);
        AuditReport report = log.report(fromInstant, toInstant);
        model.addAttribute("report", report);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("types", List.copyOf(new java.util.TreeMap<>(report.eventsByType()).entrySet()));
        return "audit/report";
    }

    @PostMapping("/verify")
    String verify(@AuthenticationPrincipal OidcUser user, HttpServletRequest request, RedirectAttributes flash) {
        ChainVerification verification = trail.verify();
        String checked = verification.recordsChecked() + " records and " + verification.checkpointsChecked()
                + " checkpoints checked";
        record(
                user,
                request,
                AuditEventType.CHAIN_VERIFIED,
                "chain: " + checked,
                verification.intact() ? "INTACT" : "BROKEN",
                verification.intact() ? null : verification.reason() + " at " + verification.firstBrokenSequence());
        if (verification.intact()) {
            flash.addFlashAttribute("message", "The chain is intact: " + checked + ".");
        } else {
            flash.addFlashAttribute(
                    "error",
                    "The chain is broken at sequence " + verification.firstBrokenSequence() + " ("
                            + verification.reason() + "); " + checked + ".");
        }
        return "redirect:/ui/audit";
    }

    private void record(
            OidcUser user,
            HttpServletRequest request,
            AuditEventType type,
            String subject,
            String decision,
            @Nullable String rule) {
        List<String> audience = user.getIdToken().getAudience();
        Actor actor = new Actor(String.valueOf(user.getIdToken().getIssuer()), user.getSubject());
        trail.record(
                AuditEvent.builder(
                                type,
                                actor,
                                audience == null || audience.isEmpty() ? "browser" : audience.getFirst(),
                                RequestIds.current(request))
                        .subject(subject)
                        .decision(decision, rule)
                        .build(),
                commitTimeout);
    }

    private static LocalDate date(@Nullable String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }
}
