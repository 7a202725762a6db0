package org.attest.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.attest.api.security.Caller;
import org.attest.api.web.ApiProperties;
import org.attest.api.web.RequestIds;
import org.attest.api.web.TextRequest;
import org.attest.audit.AuditCheckpoints;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditLog;
import org.attest.audit.AuditPage;
import org.attest.audit.AuditQuery;
import org.attest.audit.AuditRecord;
import org.attest.audit.AuditTrail;
import org.attest.audit.ChainVerification;
import org.attest.audit.InputFingerprint;
import org.attest.audit.InputFingerprints;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/audit}: what a compliance officer and an auditor read (scope {@code audit:read}). Every read that lets
 * audit data leave — an events page, a CSV export, a report, a verification, a lookup — is first committed to the
 * trail as its own event; if that commit fails, nothing is returned (503).
 */
@RestController
@RequestMapping("/v1/audit")
class AuditController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final int MAX_LOOKUP_MATCHES = 100;
    static final int MAX_CHECKPOINTS = 100;

    private final AuditTrail trail;
    private final AuditLog log;
    private final AuditCheckpoints checkpoints;
    private final InputFingerprints fingerprints;
    private final Duration commitTimeout;
    private final ApiProperties limits;

    AuditController(
            AuditTrail trail,
            AuditLog log,
            AuditCheckpoints checkpoints,
            InputFingerprints fingerprints,
            ApiProperties properties) {
        this.trail = trail;
        this.log = log;
        this.checkpoints = checkpoints;
        this.fingerprints = fingerprints;
        this.commitTimeout = properties.commitTimeout();
        this.limits = properties;
    }

    /** Filtered events: a JSON page with a cursor, or — with {@code Accept: text/csv} — every match, streamed. */
    @GetMapping("/events")
    @Nullable
    ResponseEntity<AuditViews.EventsPage> events(
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            @AuthenticationPrincipal Jwt token,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, HttpMediaTypeNotAcceptableException {
        AuditQueryParameters checked = AuditQueryParameters.of(
                parameters,
                Stream.concat(AuditQueryParameters.EVENT_FILTERS.stream(), AuditQueryParameters.EVENT_PAGING.stream())
                        .collect(Collectors.toSet()));
        AuditQuery query = checked.query();
        int limit = checked.limit();
        long after = checked.afterSequence();
        checked.check();
        boolean csv = Negotiation.wantsCsv(accept);
        AuditRecord export = record(
                AuditEventType.AUDIT_EXPORTED,
                token,
                request,
                "GET /v1/audit/events?" + checked.canonical(),
                csv ? "text/csv" : "application/json",
                null);
        if (csv) {
            streamCsv(query, export.sequence() - 1, response);
            return null;
        }
        AuditPage page = log.page(query, after, export.sequence() - 1, limit);
        String next = page.more()
                ? AuditQueryParameters.cursor(page.records().getLast().sequence())
                : null;
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new AuditViews.EventsPage(
                        page.records().stream().map(AuditEventView::of).toList(), next));
    }

    @GetMapping(path = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditViews.Verification verify(@AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        ChainVerification verification = trail.verify();
        record(
                AuditEventType.CHAIN_VERIFIED,
                token,
                request,
                "chain: " + verification.recordsChecked() + " records, " + verification.checkpointsChecked()
                        + " checkpoints",
                verification.intact() ? "INTACT" : "BROKEN",
                verification.intact() ? null : verification.reason() + " at " + verification.firstBrokenSequence());
        return AuditViews.Verification.of(verification);
    }

    @GetMapping(path = "/report", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditViews.Report report(
            @RequestParam MultiValueMap<String, String> parameters,
            @AuthenticationPrincipal Jwt token,
            HttpServletRequest request) {
        AuditQueryParameters checked = AuditQueryParameters.of(parameters, Set.of("from", "to"));
        Instant from = checked.requiredTime("from");
        Instant to = checked.requiredTime("to");
        checked.requireOrdered(from, to);
        checked.check();
        record(
                AuditEventType.AUDIT_EXPORTED,
                token,
                request,
                "GET /v1/audit/report?" + checked.canonical(),
                "application/json",
                null);
        return AuditViews.Report.of(log.report(from, to));
    }

    /** Whether a text was processed: its HMAC under every known key, computed here; the text is never logged. */
    @PostMapping(
            path = "/lookup",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    AuditViews.Lookup lookup(
            @Valid @RequestBody TextRequest body, @AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        List<InputFingerprint> candidates = fingerprints.underEveryKey(body.textWithin(limits));
        List<AuditRecord> matches = log.findByInput(candidates, MAX_LOOKUP_MATCHES);
        trail.record(
                AuditEvent.builder(
                                AuditEventType.AUDIT_LOOKED_UP,
                                Caller.of(token).actor(),
                                Caller.of(token).clientId(),
                                RequestIds.current(request))
                        .subject("POST /v1/audit/lookup")
                        .input(candidates.getFirst())
                        .decision(matches.isEmpty() ? "NOT_FOUND" : "FOUND", "matches=" + matches.size())
                        .build(),
                commitTimeout);
        return new AuditViews.Lookup(
                !matches.isEmpty(),
                matches.size(),
                matches.stream().map(AuditViews.LookupMatch::of).toList(),
                candidates.stream().map(InputFingerprint::keyId).toList());
    }

    /** Signs the chain head now (an on-demand checkpoint), stores and exports it. */
    @PostMapping(path = "/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AuditViews.CheckpointView> checkpoint() {
        return ResponseEntity.status(HttpStatus.CREATED).body(AuditViews.CheckpointView.of(checkpoints.signNow()));
    }

    @GetMapping(path = "/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AuditViews.CheckpointView> latestCheckpoints(@RequestParam MultiValueMap<String, String> parameters) {
        AuditQueryParameters checked = AuditQueryParameters.of(parameters, Set.of("limit"));
        int limit = Math.min(checked.limit(), MAX_CHECKPOINTS);
        checked.check();
        return checkpoints.latest(limit).stream()
                .map(AuditViews.CheckpointView::of)
                .toList();
    }

    private void streamCsv(AuditQuery query, long upToSequence, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(TEXT_CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        AuditEventsCsv csv = new AuditEventsCsv(out);
        csv.header();
        log.export(query, upToSequence, csv::row);
        out.flush();
    }

    private AuditRecord record(
            AuditEventType type,
            Jwt token,
            HttpServletRequest request,
            String subject,
            String decision,
            @Nullable String rule) {
        Caller caller = Caller.of(token);
        return trail.record(
                AuditEvent.builder(type, caller.actor(), caller.clientId(), RequestIds.current(request))
                        .subject(subject)
                        .decision(decision, rule)
                        .build(),
                commitTimeout);
    }
}
