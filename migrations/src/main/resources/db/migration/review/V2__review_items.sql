-- Predictions held for a clinician (owned by the review module). No foreign key to summary: that table belongs to
-- the api module and is created later in migration order; summary_id is unique, one item per held summary.
CREATE TABLE review_item (
    id                       uuid             PRIMARY KEY,
    summary_id               uuid             NOT NULL UNIQUE,
    status                   text             NOT NULL
        CHECK (status IN ('PENDING', 'CLAIMED', 'APPROVED', 'EDITED', 'REJECTED')),
    reason                   text             NOT NULL,
    confidence               double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    model_version            text             NOT NULL,
    redaction_policy_version text             NOT NULL,
    created_at               timestamptz      NOT NULL,
    updated_at               timestamptz      NOT NULL,
    version                  bigint           NOT NULL DEFAULT 0 CHECK (version >= 0),
    decided_by_issuer        text,
    decided_by_subject       text,
    decided_at               timestamptz,
    -- a decider is an issuer and a subject together, and only a decided item has one
    CHECK ((decided_by_issuer IS NULL) = (decided_by_subject IS NULL)),
    CHECK ((decided_by_issuer IS NULL) = (decided_at IS NULL))
);

-- the queue page: one status, oldest first
CREATE INDEX review_item_status_created_idx ON review_item (status, created_at);

COMMENT ON TABLE review_item IS 'Predictions held back by the release policy until a clinician approves, edits or rejects them';
COMMENT ON COLUMN review_item.summary_id IS 'The held summary (summary.id, owned by the api module)';
COMMENT ON COLUMN review_item.reason IS 'Release rule(s) that held it, comma-separated';
COMMENT ON COLUMN review_item.model_version IS 'name:version of the model that produced it';
COMMENT ON COLUMN review_item.version IS 'Optimistic-locking version, incremented by every transition';
COMMENT ON COLUMN review_item.decided_by_issuer IS 'Token issuer (iss) of the clinician who decided';
COMMENT ON COLUMN review_item.decided_by_subject IS 'Token subject (sub) of the clinician who decided';
