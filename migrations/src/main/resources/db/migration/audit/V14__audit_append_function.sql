-- One round trip for the critical section of an append (owned by the audit module). The service hashes a group of
-- events in memory against the chain head it last saw committed, then calls this function, which takes the chain's
-- advisory lock, reads the head with a snapshot taken after the lock (each statement of a VOLATILE function gets a
-- fresh one), and inserts the group only if the head is the one the hashes were computed against. Otherwise it
-- inserts nothing and returns the actual head; the caller rehashes and calls again, still holding the lock.
-- The lock key 7022365698054971765 is the ASCII of 'attestau', the same as ChainWriter.APPEND_LOCK.
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
                             model_sha256, model_card_hash, redaction_policy_version, decision, rule, prev_hash, hash)
    SELECT *
    FROM unnest(seqs, event_times, event_types, actor_issuers, actor_subjects, client_ids, request_ids, subject_ids,
                input_hmacs, input_hmac_key_ids, outputs, confidences, model_names, model_versions, model_sha256s,
                model_card_hashes, redaction_policy_versions, decisions, rules, prev_hashes, hashes);
    RETURN QUERY SELECT true, seqs[array_upper(seqs, 1)], hashes[array_upper(hashes, 1)];
END
$$;

ALTER FUNCTION audit_append(bigint, text, bigint[], timestamptz[], text[], text[], text[], text[], text[], text[],
    text[], text[], text[], double precision[], text[], text[], text[], text[], text[], text[], text[], text[], text[])
    OWNER TO attest_owner;
REVOKE ALL ON FUNCTION audit_append(bigint, text, bigint[], timestamptz[], text[], text[], text[], text[], text[],
    text[], text[], text[], text[], double precision[], text[], text[], text[], text[], text[], text[], text[], text[],
    text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(bigint, text, bigint[], timestamptz[], text[], text[], text[], text[], text[],
    text[], text[], text[], text[], double precision[], text[], text[], text[], text[], text[], text[], text[], text[],
    text[]) TO attest_app;
