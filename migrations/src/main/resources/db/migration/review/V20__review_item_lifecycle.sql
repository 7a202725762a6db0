-- Review items as a state machine (owned by the review module): PENDING -> CLAIMED (a lease that lapses back to
-- PENDING) -> APPROVED | EDITED | REJECTED. The item carries what the reviewer sees (redacted source, draft) and what
-- every decision's audit event is bound to (model version, artifact and card hashes, redaction and release policy).
ALTER TABLE review_item
    ADD COLUMN model_sha256           text    NOT NULL DEFAULT '',
    ADD COLUMN model_card_hash        text,
    ADD COLUMN release_policy_version text    NOT NULL DEFAULT '',
    ADD COLUMN draft_text             text    NOT NULL DEFAULT '',
    ADD COLUMN redacted_source        text    NOT NULL DEFAULT '',
    ADD COLUMN client_id              text    NOT NULL DEFAULT '',
    ADD COLUMN priority               integer NOT NULL DEFAULT 0,
    ADD COLUMN claimed_by_issuer      text,
    ADD COLUMN claimed_by_subject     text,
    ADD COLUMN lease_expires_at       timestamptz,
    ADD COLUMN final_text             text,
    ADD COLUMN decision_reason        text,
    ADD COLUMN edit_diff              text,
    ADD COLUMN edit_distance          integer CHECK (edit_distance >= 0);

ALTER TABLE review_item
    -- a claim is a claimant and a lease together, and only a claimed item has one
    ADD CONSTRAINT review_item_claim_check CHECK (
        (status = 'CLAIMED') = (claimed_by_issuer IS NOT NULL AND claimed_by_subject IS NOT NULL
                                AND lease_expires_at IS NOT NULL)),
    ADD CONSTRAINT review_item_claim_nulls_check CHECK (
        status = 'CLAIMED' OR (claimed_by_issuer IS NULL AND claimed_by_subject IS NULL AND lease_expires_at IS NULL)),
    -- only a decided item has a decider
    ADD CONSTRAINT review_item_decided_check CHECK (
        (status IN ('APPROVED', 'EDITED', 'REJECTED')) = (decided_at IS NOT NULL)),
    -- an approval or an edit releases a text, a rejection never does
    ADD CONSTRAINT review_item_final_text_check CHECK (
        (status IN ('APPROVED', 'EDITED')) = (final_text IS NOT NULL)),
    ADD CONSTRAINT review_item_edit_check CHECK (
        status <> 'EDITED' OR (edit_diff IS NOT NULL AND edit_distance IS NOT NULL AND decision_reason IS NOT NULL)),
    ADD CONSTRAINT review_item_reject_check CHECK (status <> 'REJECTED' OR decision_reason IS NOT NULL);

-- "give me the next item": open items, highest priority first, then oldest
CREATE INDEX review_item_open_idx ON review_item (priority DESC, created_at, id)
    WHERE status IN ('PENDING', 'CLAIMED');
-- statistics and probation: decisions of one model version in time order
CREATE INDEX review_item_model_decided_idx ON review_item (model_version, decided_at)
    WHERE decided_at IS NOT NULL;

COMMENT ON COLUMN review_item.model_card_hash IS 'SHA-256 of the model card of the version that produced it, if known';
COMMENT ON COLUMN review_item.draft_text IS 'The model output after output redaction (what the reviewer judges)';
COMMENT ON COLUMN review_item.redacted_source IS 'The input after redaction; the raw input is never stored';
COMMENT ON COLUMN review_item.client_id IS 'The OAuth2 client whose summary this is (for its decision callback)';
COMMENT ON COLUMN review_item.priority IS 'Higher first: degraded model 3, out of scope 2, below threshold 2, probation 1, QA sample 0';
COMMENT ON COLUMN review_item.lease_expires_at IS 'End of the current claim; a lapsed claim reads as PENDING';
COMMENT ON COLUMN review_item.final_text IS 'The released text: the draft when approved, the clinician''s text when edited';
COMMENT ON COLUMN review_item.decision_reason IS 'Reason code of an edit or a rejection (a fixed vocabulary, never free text)';
COMMENT ON COLUMN review_item.edit_diff IS 'Line diff from the draft to the edited text';
COMMENT ON COLUMN review_item.edit_distance IS 'Levenshtein distance in characters from the draft to the edited text';

-- Model versions under probation: every prediction goes to review until clinicians agree often enough.
CREATE TABLE model_probation (
    model_version      text             PRIMARY KEY,
    started_at         timestamptz      NOT NULL,
    window_items       integer          NOT NULL CHECK (window_items > 0),
    required_agreement double precision NOT NULL CHECK (required_agreement >= 0 AND required_agreement <= 1),
    ended_at           timestamptz,
    agreement_at_end   double precision
);

COMMENT ON TABLE model_probation IS 'Newly promoted model versions: 100 % review until agreement on the last N decisions reaches the level';
