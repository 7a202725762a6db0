-- Where each model alias points (owned by the serving registry, written by the api's promote/rollback use case).
-- Every replica reads this table on a short interval and moves its in-memory alias when the row changes, so a
-- promotion on one replica reaches all of them without a restart. The configured default is inserted on first start.
CREATE TABLE model_alias (
    alias                  text        PRIMARY KEY CHECK (alias ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
    model_name             text        NOT NULL,
    model_version          text        NOT NULL,
    -- the target before the last move: what a rollback goes back to (a rollback swaps the two)
    previous_model_name    text,
    previous_model_version text,
    revision               bigint      NOT NULL CHECK (revision > 0),
    updated_at             timestamptz NOT NULL,
    CHECK ((previous_model_name IS NULL) = (previous_model_version IS NULL))
);

-- Every move of an alias, in order; the audit trail holds the same moves as MODEL_PROMOTED / MODEL_ROLLED_BACK events.
CREATE TABLE model_alias_history (
    id                 bigserial   PRIMARY KEY,
    alias              text        NOT NULL REFERENCES model_alias (alias),
    revision           bigint      NOT NULL,
    action             text        NOT NULL CHECK (action IN ('INITIAL', 'PROMOTE', 'ROLLBACK')),
    model_name         text        NOT NULL,
    model_version      text        NOT NULL,
    from_model_name    text,
    from_model_version text,
    actor_issuer       text        NOT NULL,
    actor_subject      text        NOT NULL,
    request_id         text        NOT NULL,
    changed_at         timestamptz NOT NULL,
    UNIQUE (alias, revision)
);

GRANT SELECT, INSERT, UPDATE ON model_alias TO attest_app;
GRANT SELECT, INSERT ON model_alias_history TO attest_app;
GRANT USAGE, SELECT ON SEQUENCE model_alias_history_id_seq TO attest_app;

COMMENT ON TABLE model_alias IS 'Current target of each model alias (summarizer, phi-ner); replicas poll it';
COMMENT ON TABLE model_alias_history IS 'Every alias move: first start, promotions and rollbacks';
