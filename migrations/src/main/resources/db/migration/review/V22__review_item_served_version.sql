-- The remote model server's version of the prediction a review item holds (owned by the review module): every
-- decision's audit event is bound to the prediction's model reference, and for a model served by Triton/KServe that
-- includes the model_version the server answered with (audit_event.model_served_version, V15). NULL for a model run in
-- the service, and for every item queued before this migration.
ALTER TABLE review_item
    ADD COLUMN model_served_version text CHECK (model_served_version <> '');

COMMENT ON COLUMN review_item.model_served_version IS 'Version the remote model server (KServe v2 model_version) says produced the held prediction; NULL for a model run in the service';
