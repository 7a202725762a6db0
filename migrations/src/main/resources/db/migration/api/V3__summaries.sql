-- Summaries produced by POST /v1/summaries (owned by the api module's summarize use case).
-- The raw input is never stored: only its redacted form (for the reviewer) and, in the audit trail, its keyed HMAC.
CREATE TABLE summary (
    id                       uuid PRIMARY KEY,
    client_id                text        NOT NULL,
    actor_issuer             text        NOT NULL,
    actor_subject            text        NOT NULL,
    request_id               text        NOT NULL,
    status                   text        NOT NULL CHECK (status IN ('RELEASED', 'PENDING_REVIEW', 'REJECTED')),
    summary_text             text,
    draft_text               text        NOT NULL,
    redacted_input           text        NOT NULL,
    confidence               double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    model_name               text        NOT NULL,
    model_version            text        NOT NULL,
    model_sha256             text        NOT NULL,
    degraded                 boolean     NOT NULL,
    redaction_policy_version text        NOT NULL,
    release_policy_version   text        NOT NULL,
    review_reason            text,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    -- a released summary always has its text; a pending one never has it yet
    CHECK ((status = 'RELEASED') = (summary_text IS NOT NULL))
);

CREATE INDEX summary_client_created_idx ON summary (client_id, created_at);
CREATE INDEX summary_request_idx ON summary (request_id);

COMMENT ON TABLE summary IS 'Model summaries of clinical text; redacted text only, never the raw input';
COMMENT ON COLUMN summary.summary_text IS 'The released text; NULL while the summary waits for review or after rejection';
COMMENT ON COLUMN summary.draft_text IS 'The model output after output redaction, as a reviewer sees it';
COMMENT ON COLUMN summary.redacted_input IS 'The input after redaction, shown to the reviewer beside the draft';
