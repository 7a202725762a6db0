package org.attest.api.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.attest.audit.AuditRecord;
import org.jspecify.annotations.Nullable;

/**
 * Audit rows as RFC 4180 CSV: a header of the table's column names, CRLF line ends, and a field quoted (its quotes
 * doubled) when it holds a comma, a quote, CR or LF. A NULL column is an empty field, an empty string a quoted one
 * ({@code ""}), so the export keeps the difference the hash depends on. Values are written exactly as stored — no
 * spreadsheet-formula escaping, which would change what the hash covers.
 */
final class AuditEventsCsv {

    static final List<String> HEADER = List.of(
            "seq",
            "event_time",
            "event_type",
            "actor_issuer",
            "actor_subject",
            "client_id",
            "request_id",
            "subject_id",
            "input_hmac",
            "input_hmac_key_id",
            "output",
            "confidence",
            "model_name",
            "model_version",
            "model_sha256",
            "model_card_hash",
            "model_served_version",
            "redaction_policy_version",
            "decision",
            "rule",
            "prev_hash",
            "hash");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Writer out;

    AuditEventsCsv(Writer out) {
        this.out = out;
    }

    void header() throws IOException {
        out.write(String.join(",", HEADER));
        out.write("\r\n");
    }

    void row(AuditRecord record) throws IOException {
        AuditEventView view = AuditEventView.of(record);
        field(Long.toString(view.sequence()), true);
        field(TIME.format(view.time()), false);
        field(view.type(), false);
        field(view.actorIssuer(), false);
        field(view.actorSubject(), false);
        field(view.clientId(), false);
        field(view.requestId(), false);
        field(view.subjectId(), false);
        field(view.inputHmac(), false);
        field(view.inputHmacKeyId(), false);
        field(view.output(), false);
        field(view.confidence() == null ? null : Double.toString(view.confidence()), false);
        field(view.modelName(), false);
        field(view.modelVersion(), false);
        field(view.modelSha256(), false);
        field(view.modelCardHash(), false);
        field(view.modelServedVersion(), false);
        field(view.redactionPolicyVersion(), false);
        field(view.decision(), false);
        field(view.rule(), false);
        field(view.prevHash(), false);
        field(view.hash(), false);
        out.write("\r\n");
    }

    /** One field, preceded by a comma unless it is the first of its line. */
    private void field(@Nullable String value, boolean first) throws IOException {
        if (!first) {
            out.write(',');
        }
        if (value == null) {
            return;
        }
        out.write(escape(value));
    }

    static String escape(String value) {
        boolean quote = value.isEmpty()
                || value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
