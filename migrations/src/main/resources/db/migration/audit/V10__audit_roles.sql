-- The database roles of the audit trail (owned by the audit module). Roles are cluster-wide: several databases of
-- one cluster (replicas' migrations, test contexts) may run this at the same moment, so each role is created only
-- when missing, and a concurrent creation that wins the race is accepted instead of failing the migration.
--
--   attest_owner    owns the audit tables and the functions that manage their partitions; Flyway runs as it in
--                   production (spring.flyway.user). UPDATE, DELETE and TRUNCATE are still refused by triggers.
--   attest_app      the service's login (spring.datasource.username): INSERT and SELECT only on audit tables,
--                   ordinary DML on the other modules' tables.
--   attest_auditor  read-only login for the command-line verifier: SELECT on audit tables, nothing else.
--
-- They are created LOGIN without a password: under password authentication they cannot log in until a DBA sets
-- one (ALTER ROLE ... PASSWORD) or maps a certificate; under trust (tests, the embedded local database) they can.
-- A DBA may create them beforehand with any attributes (runbooks/audit-database-roles.md); then nothing happens
-- here and the migrating user needs no CREATEROLE. Nothing here alters an existing role: concurrent ALTER ROLE
-- statements on one cluster fail with "tuple concurrently updated".
DO
$$
DECLARE
    wanted text;
BEGIN
    FOREACH wanted IN ARRAY ARRAY['attest_owner', 'attest_app', 'attest_auditor']
        LOOP
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = wanted) THEN
                BEGIN
                    EXECUTE format('CREATE ROLE %I LOGIN', wanted);
                EXCEPTION
                    -- another database's migration created it between the check and here
                    WHEN duplicate_object OR unique_violation THEN NULL;
                    WHEN insufficient_privilege THEN
                        RAISE EXCEPTION 'role % is missing and % may not create it', wanted, current_user
                            USING HINT = 'create the roles as a DBA first: see runbooks/audit-database-roles.md';
                END;
            END IF;
        END LOOP;
END
$$;
