-- What each role may do (owned by the audit module, which owns the roles). Privileges live in each database, so
-- this runs safely in many databases at once.

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO attest_app, attest_auditor;

-- Audit tables: the service appends and reads, the auditor reads; nobody but the owner holds anything else, and
-- the triggers refuse UPDATE, DELETE and TRUNCATE even to the owner.
REVOKE ALL ON audit_event, audit_checkpoint FROM PUBLIC, attest_app, attest_auditor;
GRANT SELECT, INSERT ON audit_event, audit_checkpoint TO attest_app;
GRANT SELECT ON audit_event, audit_checkpoint TO attest_auditor;

-- Every other module's table, now and in later migrations: ordinary DML for the service, no DDL, no TRUNCATE.
DO
$$
DECLARE
    other text;
BEGIN
    FOR other IN
        SELECT tablename FROM pg_tables
        WHERE schemaname = current_schema()
          AND tablename NOT LIKE 'audit\_%'
          AND tablename <> '${flyway:table}'
        LOOP
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO attest_app', other);
        END LOOP;
END
$$;

GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} TO attest_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO attest_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema} GRANT USAGE, SELECT ON SEQUENCES TO attest_app;
