-- The version a remote model server says produced a prediction (owned by the audit module): the KServe v2
-- model_version of a model served by Triton/KServe, next to the local manifest's name, version and artifact hash.
-- NULL for a model that runs in the service, and in every row written before this migration. The canonical encoding
-- gives the column a line only when it is not NULL, so those rows hash exactly as before and every chain still
-- verifies (audit/README.md).
--
-- A nullable column without a default changes no stored row; the CHECK is validated once over the existing rows (all
-- NULL). Columns and constraints added to the partitioned table reach every partition, and audit_ensure_partition
-- copies them (LIKE ... INCLUDING CONSTRAINTS) into the partitions it creates later.
ALTER TABLE audit_event
    ADD COLUMN model_served_version text,
    -- like the card hash, it belongs to a model reference; NULL, not '', says there is none
    ADD CONSTRAINT audit_event_served_version_check
        CHECK (model_served_version IS NULL OR (model_name IS NOT NULL AND model_served_version <> ''));

COMMENT ON COLUMN audit_event.model_served_version IS 'Version the remote model server (KServe v2 model_version) says produced the prediction; NULL for a model run in the service';

-- audit_append with the new column, in the same place as in the canonical encoding (after model_card_hashes).
-- V14's function stays: during a rolling upgrade an instance of the previous release still appends through it, and
-- its rows (served version NULL) hash as that release computed them. Both take the same lock and check the same head.
CREATE FUNCTION audit_append(
    expected_seq bigint,
    expected_hash text,
    seqs bigint[],
    event_times timestamptz[],
    event_types text[],
    actor_issuers text[],
    actor_subjects text[],
    client_ids text[],
    request_ids text[],
    subject_ids text[],
    input_hmacs text[],
    input_hmac_key_ids text[],
    outputs text[],
    confidences double precision[],
    model_names text[],
    model_versions text[],
    model_sha256s text[],
    model_card_hashes text[],
    model_served_versions text[],
    redaction_policy_versions text[],
    decisions text[],
    rules text[],
    prev_hashes text[],
    hashes text[])
    RETURNS TABLE (appended boolean, head_seq bigint, head_hash text)
    LANGUAGE plpgsql
    VOLATILE
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS
$$
DECLARE
    current_seq  bigint;
    current_hash text;
BEGIN
    -- an acknowledged audit row must survive a crash, whatever the server's default
    PERFORM set_config('synchronous_commit', 'on', true);
    PERFORM pg_advisory_xact_lock(7022365698054971765);
    SELECT e.seq, e.hash INTO current_seq, current_hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        current_seq := 0;
        current_hash := repeat('0', 64);
    END IF;
    IF current_seq <> expected_seq OR current_hash <> expected_hash THEN
        RETURN QUERY SELECT false, current_seq, current_hash;
        RETURN;
    END IF;
    INSERT INTO audit_event (seq, event_time, event_type, actor_issuer, actor_subject, client_id, request_id,
                             subject_id, input_hmac, input_hmac_key_id, output, confidence, model_name, model_version,
                             model_sha256, model_card_hash, model_served_version, redaction_policy_version, decision,
                             rule, prev_hash, hash)
    SELECT *
    FROM unnest(seqs, event_times, event_types, actor_issuers, actor_subjects, client_ids, request_ids, subject_ids,
                input_hmacs, input_hmac_key_ids, outputs, confidences, model_names, model_versions, model_sha256s,
                model_card_hashes, model_served_versions, redaction_policy_versions, decisions, rules, prev_hashes,
                hashes);
    RETURN QUERY SELECT true, seqs[array_upper(seqs, 1)], hashes[array_upper(hashes, 1)];
END
$$;

ALTER FUNCTION audit_append(bigint, text, bigint[], timestamptz[], text[], text[], text[], text[], text[], text[],
    text[], text[], text[], double precision[], text[], text[], text[], text[], text[], text[], text[], text[], text[],
    text[])
    OWNER TO attest_owner;
REVOKE ALL ON FUNCTION audit_append(bigint, text, bigint[], timestamptz[], text[], text[], text[], text[], text[],
    text[], text[], text[], text[], double precision[], text[], text[], text[], text[], text[], text[], text[], text[],
    text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(bigint, text, bigint[], timestamptz[], text[], text[], text[], text[], text[],
    text[], text[], text[], text[], double precision[], text[], text[], text[], text[], text[], text[], text[], text[],
    text[], text[]) TO attest_app;
