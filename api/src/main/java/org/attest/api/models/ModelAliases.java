package org.attest.api.models;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.attest.audit.Actor;
import org.attest.serving.AliasTarget;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored model aliases and their history, in PostgreSQL ({@code model_alias}, {@code model_alias_history}). */
@Repository
class ModelAliases {

    /** What moved an alias, as stored in the history. */
    enum Action {
        INITIAL,
        PROMOTE,
        ROLLBACK
    }

    private final JdbcClient jdbc;

    ModelAliases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the configured default unless the alias is stored already; true when it was inserted. */
    boolean insertIfAbsent(AliasTarget target, Instant now) {
        int inserted = jdbc.sql("""
                        INSERT INTO model_alias (alias, model_name, model_version, revision, updated_at)
                        VALUES (:alias, :model, :version, 1, :now)
                        ON CONFLICT (alias) DO NOTHING
                        """)
                .param("alias", target.alias())
                .param("model", target.model())
                .param("version", target.version())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        if (inserted == 1) {
            history(target, null, 1, Action.INITIAL, Actor.SYSTEM, "startup", now);
        }
        return inserted == 1;
    }

    List<StoredAlias> all() {
        return jdbc.sql("SELECT * FROM model_alias ORDER BY alias")
                .query(ModelAliases::map)
                .list();
    }

    /** The alias, row-locked until the transaction ends, so that concurrent moves are serialized. */
    Optional<StoredAlias> lock(String alias) {
        return jdbc.sql("SELECT * FROM model_alias WHERE alias = :alias FOR UPDATE")
                .param("alias", alias)
                .query(ModelAliases::map)
                .optional();
    }

    /** Moves a locked alias to {@code to}; what it pointed at becomes its previous target. */
    StoredAlias move(StoredAlias current, AliasTarget to, Action action, Actor actor, String requestId, Instant now) {
        long revision = current.revision() + 1;
        AliasTarget from = current.target();
        jdbc.sql("""
                        UPDATE model_alias SET model_name = :model, model_version = :version,
                            previous_model_name = :fromModel, previous_model_version = :fromVersion,
                            revision = :revision, updated_at = :now
                        WHERE alias = :alias
                        """)
                .param("alias", to.alias())
                .param("model", to.model())
                .param("version", to.version())
                .param("fromModel", from.model())
                .param("fromVersion", from.version())
                .param("revision", revision)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        history(to, from, revision, action, actor, requestId, now);
        return new StoredAlias(to, from, revision);
    }

    private void history(
            AliasTarget to,
            @Nullable AliasTarget from,
            long revision,
            Action action,
            Actor actor,
            String requestId,
            Instant now) {
        jdbc.sql("""
                        INSERT INTO model_alias_history (alias, revision, action, model_name, model_version,
                            from_model_name, from_model_version, actor_issuer, actor_subject, request_id, changed_at)
                        VALUES (:alias, :revision, :action, :model, :version, :fromModel, :fromVersion, :issuer,
                            :subject, :requestId, :now)
                        """)
                .param("alias", to.alias())
                .param("revision", revision)
                .param("action", action.name())
                .param("model", to.model())
                .param("version", to.version())
                .param("fromModel", from == null ? null : from.model())
                .param("fromVersion", from == null ? null : from.version())
                .param("issuer", actor.issuer())
                .param("subject", actor.subject())
                .param("requestId", requestId)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    private static StoredAlias map(ResultSet rs, int row) throws SQLException {
        String alias = rs.getString("alias");
        String previousModel = rs.getString("previous_model_name");
        return new StoredAlias(
                new AliasTarget(alias, rs.getString("model_name"), rs.getString("model_version")),
                previousModel == null
                        ? null
                        : new AliasTarget(alias, previousModel, rs.getString("previous_model_version")),
                rs.getLong("revision"));
    }
}
