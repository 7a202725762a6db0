-- What a clinician decided about a held summary, as its consumer sees it (owned by the api module; numbered in the
-- review range, since the review decisions write it). The released text stays in summary_text.
ALTER TABLE summary
    ADD COLUMN review_outcome text CHECK (review_outcome IN ('APPROVED', 'EDITED', 'REJECTED')),
    ADD COLUMN decided_by     text,
    ADD COLUMN decided_at     timestamptz,
    ADD CONSTRAINT summary_decision_check CHECK (
        (review_outcome IS NULL) = (decided_by IS NULL) AND (review_outcome IS NULL) = (decided_at IS NULL)),
    ADD CONSTRAINT summary_rejected_check CHECK ((status = 'REJECTED') = (review_outcome IS NOT DISTINCT FROM 'REJECTED'));

COMMENT ON COLUMN summary.review_outcome IS 'APPROVED, EDITED or REJECTED once a clinician decided; NULL otherwise';
COMMENT ON COLUMN summary.decided_by IS 'Opaque id of the clinician who decided (a keyed HMAC of iss and sub, never a name)';

-- Decision callbacks: one URL per client, notified with the summary id and status only (never PHI), HMAC-signed.
CREATE TABLE client_callback (
    client_id     text        PRIMARY KEY,
    url           text        NOT NULL CHECK (url ~ '^https?://'),
    signing_secret text       NOT NULL,
    registered_at timestamptz NOT NULL
);

CREATE TABLE callback_delivery (
    id              uuid        PRIMARY KEY,
    client_id       text        NOT NULL,
    summary_id      uuid        NOT NULL,
    summary_status  text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_status     integer,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);

CREATE INDEX callback_delivery_due_idx ON callback_delivery (next_attempt_at) WHERE state = 'PENDING';

COMMENT ON TABLE client_callback IS 'Where each client wants to hear about review decisions; the secret signs the notifications';
COMMENT ON TABLE callback_delivery IS 'Outbox of decision notifications, written in the decision''s transaction and retried with backoff';
