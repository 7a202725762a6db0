-- The audit trail becomes a table partitioned by month (retention drops whole months, never single rows) owned by
-- attest_owner. Rows already written by V1 move over unchanged: their hashes stay valid.
--
-- PostgreSQL requires a partitioned table's keys to include the partition column, so seq is unique per partition
-- only; the advisory lock of every append keeps it unique across the table, and the chain verifier reports any
-- duplicate or gap.

CREATE TEMPORARY TABLE audit_event_v1 ON COMMIT DROP AS SELECT * FROM audit_event;
DROP TABLE audit_event;

CREATE TABLE audit_event (
    seq                      bigint           NOT NULL CHECK (seq > 0),
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
    hash                     text             NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (seq, event_time),
    CHECK ((input_hmac IS NULL) = (input_hmac_key_id IS NULL)),
    CHECK ((model_name IS NULL) = (model_version IS NULL) AND (model_name IS NULL) = (model_sha256 IS NULL)),
    CHECK (model_card_hash IS NULL OR model_name IS NOT NULL),
    CHECK ((seq = 1) = (prev_hash = repeat('0', 64)))
) PARTITION BY RANGE (event_time);

CREATE INDEX audit_event_time_idx ON audit_event (event_time);
CREATE INDEX audit_event_request_idx ON audit_event (request_id);
CREATE INDEX audit_event_subject_idx ON audit_event (subject_id) WHERE subject_id IS NOT NULL;
CREATE INDEX audit_event_input_idx ON audit_event (input_hmac) WHERE input_hmac IS NOT NULL;

-- One refusal for every audit table and every role, the owner and superusers included.
CREATE OR REPLACE FUNCTION audit_event_reject_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Row triggers on a partitioned table are cloned onto every partition; TRUNCATE triggers are per table, so
-- audit_ensure_partition adds one to each partition as well.
CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();

-- The owner creates the monthly partitions, in this schema.
GRANT USAGE, CREATE ON SCHEMA ${flyway:defaultSchema} TO attest_owner;
ALTER TABLE audit_event OWNER TO attest_owner;
ALTER FUNCTION audit_event_reject_change() OWNER TO attest_owner;

-- Creates the partition of the month (UTC) that contains at, if it is missing, and returns its name. Runs as the
-- owner, so the service may call it without owning anything. The partition is built on its own and then attached:
-- ATTACH PARTITION takes only a SHARE UPDATE EXCLUSIVE lock on audit_event, which does not block appends or reads,
-- and a short lock_timeout keeps a caller from queueing behind a long-running export.
CREATE FUNCTION audit_ensure_partition(at timestamptz) RETURNS text
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS
$$
DECLARE
    month_start timestamptz := date_trunc('month', at, 'UTC');
    month_end   timestamptz := date_trunc('month', at, 'UTC') + interval '1 month';
    partition   text        := 'audit_event_' || to_char(month_start AT TIME ZONE 'UTC', '"y"YYYY"m"MM');
BEGIN
    IF to_regclass(partition) IS NOT NULL THEN
        RETURN partition;
    END IF;
    PERFORM set_config('lock_timeout', '2s', true);
    BEGIN
        EXECUTE format('CREATE TABLE %I (LIKE audit_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', partition);
        -- lets ATTACH skip its validation scan
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (event_time >= %L AND event_time < %L)',
                       partition, partition || '_range', month_start, month_end);
        EXECUTE format('CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON %I '
                           || 'FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change()', partition);
        -- default privileges of the owner must never open a partition to direct writes
        EXECUTE format('REVOKE ALL ON %I FROM PUBLIC, attest_app, attest_auditor', partition);
        EXECUTE format('ALTER TABLE audit_event ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                       partition, month_start, month_end);
    EXCEPTION
        -- a concurrent caller created it first
        WHEN duplicate_table OR unique_violation THEN NULL;
    END;
    RETURN partition;
END
$$;

ALTER FUNCTION audit_ensure_partition(timestamptz) OWNER TO attest_owner;
REVOKE ALL ON FUNCTION audit_ensure_partition(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_ensure_partition(timestamptz) TO attest_app;

-- Partitions for the rows moved over, this month and the next; the service keeps creating them ahead.
SELECT audit_ensure_partition(month)
FROM (SELECT DISTINCT date_trunc('month', event_time, 'UTC') AS month FROM audit_event_v1
      UNION
      SELECT now()
      UNION
      SELECT now() + interval '1 month') AS months;

INSERT INTO audit_event SELECT * FROM audit_event_v1 ORDER BY seq;

COMMENT ON TABLE audit_event IS 'Append-only, hash-chained audit trail, partitioned by month (UTC); UPDATE, DELETE and TRUNCATE are rejected by triggers';
COMMENT ON COLUMN audit_event.seq IS 'Gapless position in the chain, assigned under an advisory lock; a gap means a deleted row';
COMMENT ON COLUMN audit_event.event_time IS 'When the event was appended (UTC, microseconds); the partition key';
COMMENT ON COLUMN audit_event.event_type IS 'AuditEventType constant name';
COMMENT ON COLUMN audit_event.actor_issuer IS 'Token issuer (iss) of who caused the event';
COMMENT ON COLUMN audit_event.actor_subject IS 'Token subject (sub) of who caused the event; never an e-mail address';
COMMENT ON COLUMN audit_event.client_id IS 'OAuth2 client the request came through';
COMMENT ON COLUMN audit_event.request_id IS 'HTTP request id, to reconcile responses with rows';
COMMENT ON COLUMN audit_event.subject_id IS 'Id of the object the event concerns (summary, review item, model, export query)';
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
COMMENT ON COLUMN audit_event.hash IS 'Hex SHA-256 of prev_hash, a newline and the canonical encoding of the row (see audit/README.md)';
