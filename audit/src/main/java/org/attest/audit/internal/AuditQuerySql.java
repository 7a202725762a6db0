package org.attest.audit.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditQuery;
import org.jspecify.annotations.Nullable;

/** An {@link AuditQuery} as a SQL condition with named parameters; values are always bound, never inlined. */
final class AuditQuerySql {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private AuditQuerySql() {}

    static AuditQuerySql of(AuditQuery query) {
        AuditQuerySql sql = new AuditQuerySql();
        if (query.from() != null) {
            sql.add("event_time >= :from", "from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.add("event_time < :to", "to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        if (!query.types().isEmpty()) {
            sql.add(
                    "event_type IN (:types)",
                    "types",
                    query.types().stream().map(AuditEventType::name).sorted().toList());
        }
        sql.equal("actor_issuer", query.actorIssuer());
        sql.equal("actor_subject", query.actorSubject());
        sql.equal("client_id", query.clientId());
        sql.equal("model_name", query.modelName());
        sql.equal("model_version", query.modelVersion());
        sql.equal("decision", query.decision());
        sql.equal("request_id", query.requestId());
        return sql;
    }

    /** Adds a condition of the caller's, e.g. a sequence range. */
    AuditQuerySql and(String condition, String name, Object value) {
        add(condition, name, value);
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    private void equal(String column, @Nullable String value) {
        if (value != null) {
            add(column + " = :" + column, column, value);
        }
    }

    private void add(String condition, String name, Object value) {
        conditions.add(condition);
        parameters.put(name, value);
    }
}
