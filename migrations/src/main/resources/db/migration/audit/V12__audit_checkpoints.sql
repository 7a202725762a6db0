-- Signed checkpoints of the chain head (owned by the audit module). The signing key is never in the database: a
-- checkpoint is the chain's commitment to the outside world, exported as a file as soon as it commits.
CREATE TABLE audit_checkpoint (
    id         bigint      PRIMARY KEY CHECK (id > 0),
    kind       text        NOT NULL CHECK (kind IN ('PERIODIC', 'ON_DEMAND', 'PURGE')),
    signed_at  timestamptz NOT NULL,
    chain_seq  bigint      NOT NULL CHECK (chain_seq >= 0),
    chain_hash text        NOT NULL CHECK (chain_hash ~ '^[0-9a-f]{64}$'),
    key_id     text        NOT NULL CHECK (key_id ~ '^ed25519:[0-9a-f]{16}$'),
    signature  text        NOT NULL CHECK (signature ~ '^[A-Za-z0-9+/]{86}==$')
);

CREATE INDEX audit_checkpoint_chain_seq_idx ON audit_checkpoint (chain_seq);

CREATE TRIGGER audit_checkpoint_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();

CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();

ALTER TABLE audit_checkpoint OWNER TO attest_owner;

COMMENT ON TABLE audit_checkpoint IS 'Ed25519-signed checkpoints of the audit chain head; append-only';
COMMENT ON COLUMN audit_checkpoint.id IS 'Gapless checkpoint number from 1, assigned under the chain''s advisory lock';
COMMENT ON COLUMN audit_checkpoint.kind IS 'PERIODIC (scheduled, also for empty intervals), ON_DEMAND, or PURGE (the chain resumes after chain_seq)';
COMMENT ON COLUMN audit_checkpoint.signed_at IS 'When the head was read and signed (UTC, microseconds)';
COMMENT ON COLUMN audit_checkpoint.chain_seq IS 'Sequence of the chain head at signing; 0 for an empty chain';
COMMENT ON COLUMN audit_checkpoint.chain_hash IS 'hash of the row at chain_seq; 64 zeros for an empty chain';
COMMENT ON COLUMN audit_checkpoint.key_id IS 'ed25519: and the first 16 hex digits of the SHA-256 of the public key (X.509 encoding)';
COMMENT ON COLUMN audit_checkpoint.signature IS 'Base64 Ed25519 signature of the checkpoint statement (see audit/README.md)';
