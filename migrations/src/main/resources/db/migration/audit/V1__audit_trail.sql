-- The audit trail (owned by the audit module): append-only and hash-chained.
-- seq is assigned by the application under pg_advisory_xact_lock, never by a sequence: a sequence leaves gaps on
-- rollback, and here a gap must mean that a row was deleted.
CREATE TABLE audit_event (
    seq                      bigint           PRIMARY KEY CHECK (seq > 0),
    event_time               timestamptz      NOT NULL,
    event_type               text             NOT NULL CHECK (event_type ~ '^[A-Z][A-Z_]*$'),
    actor_issuer             text             NOT NULL CHECK (actor_issuer <> ''),
    actor_subject            text             NOT NULL CHECK (actor_subject <> ''),
    client_id                text             NOT NULL,
    request_id               text             NOT NULL,
    subject_id               text,
    input_hmac               text             CHECK (input_hmac ~ '^[0-9a-f]{64}$'),
    input_hmac_key_id        text,
    output                   text,
    confidence               double precision CHECK (confidence >= 0 AND confidence <= 1),
    model_name               text,
    model_version            text,
    model_sha256             text             CHECK (model_sha256 ~ '^[0-9a-f]{64}$'),
    model_card_hash          text             CHECK (model_card_hash ~ '^[0-9a-f]{64}$'),
    redaction_policy_version text,
    decision                 text,
    rule                     text,
    prev_hash                text             NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash                     text             NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
    -- a fingerprint is its HMAC and the key that made it, or nothing
    CHECK ((input_hmac IS NULL) = (input_hmac_key_id IS NULL)),
    -- a model reference is name, version and artifact hash together, or nothing; a card hash needs a model
    CHECK ((model_name IS NULL) = (model_version IS NULL) AND (model_name IS NULL) = (model_sha256 IS NULL)),
    CHECK (model_card_hash IS NULL OR model_name IS NOT NULL),
    -- the first row links to the genesis hash, and only the first
    CHECK ((seq = 1) = (prev_hash = repeat('0', 64)))
);

CREATE INDEX audit_event_request_idx ON audit_event (request_id);

-- Append-only for every role, the owner and superusers included; the chain's hashes detect what gets past this.
CREATE FUNCTION audit_event_reject_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();

COMMENT ON TABLE audit_event IS 'Append-only, hash-chained audit trail; UPDATE, DELETE and TRUNCATE are rejected by triggers';
COMMENT ON COLUMN audit_event.seq IS 'Gapless position in the chain from 1, assigned under an advisory lock; a gap means a deleted row';
COMMENT ON COLUMN audit_event.event_time IS 'When the event was appended (UTC, microseconds)';
COMMENT ON COLUMN audit_event.event_type IS 'AuditEventType constant name';
COMMENT ON COLUMN audit_event.actor_issuer IS 'Token issuer (iss) of who caused the event';
COMMENT ON COLUMN audit_event.actor_subject IS 'Token subject (sub) of who caused the event; never an e-mail address';
COMMENT ON COLUMN audit_event.client_id IS 'OAuth2 client the request came through';
COMMENT ON COLUMN audit_event.request_id IS 'HTTP request id, to reconcile responses with rows';
COMMENT ON COLUMN audit_event.subject_id IS 'Id of the object the event concerns (summary, review item, model)';
COMMENT ON COLUMN audit_event.input_hmac IS 'Hex HMAC-SHA-256 of the raw input under a server key; never a bare hash of PHI';
COMMENT ON COLUMN audit_event.input_hmac_key_id IS 'Id of the server key that made input_hmac';
COMMENT ON COLUMN audit_event.output IS 'The model output after redaction';
COMMENT ON COLUMN audit_event.confidence IS 'The model confidence in [0,1]';
COMMENT ON COLUMN audit_event.model_sha256 IS 'Hex SHA-256 of the model artifact';
COMMENT ON COLUMN audit_event.model_card_hash IS 'Hex SHA-256 of the model card';
COMMENT ON COLUMN audit_event.redaction_policy_version IS 'Redaction policy in force';
COMMENT ON COLUMN audit_event.decision IS 'Decision recorded, e.g. RELEASED or PENDING_REVIEW';
COMMENT ON COLUMN audit_event.rule IS 'Rule(s) that fired, comma-separated';
COMMENT ON COLUMN audit_event.prev_hash IS 'hash of the row at seq - 1; 64 zeros for seq 1';
COMMENT ON COLUMN audit_event.hash IS 'Hex SHA-256 of prev_hash, a newline and the canonical encoding of the row (see CanonicalEncoding)';
