package org.attest.api.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.attest.api.web.InvalidParameterException;
import org.attest.api.web.InvalidParameterException.Violation;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of the audit endpoints, checked strictly: an unknown or repeated parameter, a malformed time,
 * a time range that does not run forward, an unknown event type, a bad cursor or a page size out of range is a 400
 * naming every such parameter — an export must never silently ignore a filter its reader meant.
 */
final class AuditQueryParameters {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_VALUE_CHARS = 200;

    static final Set<String> EVENT_FILTERS = Set.of(
            "from", "to", "type", "actor", "actorIssuer", "client", "model", "modelVersion", "decision", "requestId");
    static final Set<String> EVENT_PAGING = Set.of("cursor", "limit");

    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final MultiValueMap<String, String> raw;
    private final List<Violation> violations = new ArrayList<>();

    private AuditQueryParameters(MultiValueMap<String, String> raw, Set<String> allowed) {
        this.raw = raw;
        raw.forEach((name, values) -> {
            if (!allowed.contains(name)) {
                violations.add(
                        new Violation(name, "unknown parameter; allowed: " + String.join(", ", sorted(allowed))));
            } else if (values.size() > 1 && !name.equals("type")) {
                violations.add(new Violation(name, "given more than once"));
            }
        });
    }

    static AuditQueryParameters of(MultiValueMap<String, String> raw, Set<String> allowed) {
        return new AuditQueryParameters(raw, allowed);
    }

    /** The event filters as a query. */
    AuditQuery query() {
        Instant from = time("from");
        Instant to = time("to");
        if (from != null && to != null && !from.isBefore(to)) {
            violations.add(new Violation("to", "must be after from"));
        }
        return new AuditQuery(
                from,
                to != null && from != null && !from.isBefore(to) ? null : to,
                types(),
                text("actorIssuer"),
                text("actor"),
                text("client"),
                text("model"),
                text("modelVersion"),
                text("decision"),
                text("requestId"));
    }

    /** A required time (ISO-8601 instant, offset date-time, or a date meaning its midnight UTC). */
    Instant requiredTime(String name) {
        Instant time = time(name);
        if (time == null && first(name) == null) {
            violations.add(new Violation(name, "is required"));
        }
        return time == null ? Instant.EPOCH : time;
    }

    /** Refuses a range that does not run forward (when both ends were readable). */
    void requireOrdered(Instant from, Instant to) {
        if (first("from") != null && first("to") != null && violations.isEmpty() && !from.isBefore(to)) {
            violations.add(new Violation("to", "must be after from"));
        }
    }

    int limit() {
        String value = first("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below like any out-of-range value
        }
        violations.add(new Violation("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    /** The sequence after which the page starts: 0 without a cursor. */
    long afterSequence() {
        String cursor = first("cursor");
        if (cursor == null) {
            return 0;
        }
        try {
            if (CURSOR.matcher(cursor).matches()) {
                long after =
                        Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
                if (after >= 0) {
                    return after;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        violations.add(new Violation("cursor", "is not a cursor this API handed out"));
        return 0;
    }

    static String cursor(long afterSequence) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Long.toString(afterSequence).getBytes(StandardCharsets.US_ASCII));
    }

    /** Throws the 400 when any parameter was refused; call after reading every parameter. */
    void check() {
        if (!violations.isEmpty()) {
            throw new InvalidParameterException(violations);
        }
    }

    /** The parameters as one canonical string (sorted by name), recorded with the export that used them. */
    String canonical() {
        Map<String, List<String>> sorted = new TreeMap<>(raw);
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, values) -> values.forEach(value -> {
            out.append(out.isEmpty() ? "" : "&").append(name).append('=').append(value);
        }));
        return out.length() > 1000 ? out.substring(0, 1000) : out.toString();
    }

    private Set<AuditEventType> types() {
        List<String> values = raw.getOrDefault("type", List.of());
        Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
        for (String value : values) {
            for (String name : value.split(",")) {
                try {
                    types.add(AuditEventType.valueOf(name.strip()));
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation(
                            "type",
                            "is not an event type; allowed: "
                                    + String.join(
                                            ", ",
                                            EnumSet.allOf(AuditEventType.class).stream()
                                                    .map(Enum::name)
                                                    .toList())));
                    return types;
                }
            }
        }
        return types;
    }

    private @Nullable Instant time(String name) {
        String value = first(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                violations.add(new Violation(
                        name, "must be an ISO-8601 time with offset or a date, e.g. 2026-03-01T00:00:00Z"));
                return null;
            }
        }
    }

    private @Nullable String text(String name) {
        String value = first(name);
        if (value != null && (value.isBlank() || value.length() > MAX_VALUE_CHARS)) {
            violations.add(new Violation(name, "must be 1 to " + MAX_VALUE_CHARS + " characters"));
            return null;
        }
        return value;
    }

    private @Nullable String first(String name) {
        List<String> values = raw.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
