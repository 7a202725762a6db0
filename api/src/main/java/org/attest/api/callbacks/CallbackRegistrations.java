package org.attest.api.callbacks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each client's callback URL and signing secret, in {@code client_callback}; the secret sealed ({@link CallbackSecrets}). */
@Repository
class CallbackRegistrations {

    private static final Logger log = LoggerFactory.getLogger(CallbackRegistrations.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CallbackSecrets secrets;

    CallbackRegistrations(JdbcClient jdbc, Clock clock, CallbackSecrets secrets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** Registers (or replaces) the client's URL with a fresh signing secret, and returns that secret. */
    String register(String clientId, String url) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String encoded = HexFormat.of().formatHex(secret);
        jdbc.sql("""
                        INSERT INTO client_callback (client_id, url, signing_secret, registered_at)
                        VALUES (:client, :url, :secret, :now)
                        ON CONFLICT (client_id) DO UPDATE
                            SET url = EXCLUDED.url, signing_secret = EXCLUDED.signing_secret,
                                registered_at = EXCLUDED.registered_at
                        """)
                .param("client", clientId)
                .param("url", url)
                .param("secret", secrets.seal(clientId, encoded))
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return encoded;
    }

    Optional<Registration> find(String clientId) {
        return jdbc.sql("SELECT client_id, url FROM client_callback WHERE client_id = :client")
                .param("client", clientId)
                .query((rs, row) -> new Registration(rs.getString("client_id"), rs.getString("url")))
                .optional();
    }

    /**
     * Seals, under the current key, every secret stored in plain text (before sealing existed) or under a retired
     * key; run once at startup. Returns how many rows it resealed.
     */
    @EventListener(ApplicationReadyEvent.class)
    int resealAll() {
        record Stored(String clientId, String secret) {}
        List<Stored> stale = jdbc
                .sql("SELECT client_id, signing_secret FROM client_callback")
                .query((rs, row) -> new Stored(rs.getString("client_id"), rs.getString("signing_secret")))
                .list()
                .stream()
                .filter(stored -> !secrets.sealedWithCurrentKey(stored.secret()))
                .toList();
        for (Stored stored : stale) {
            jdbc.sql("""
                            UPDATE client_callback SET signing_secret = :sealed
                            WHERE client_id = :client AND signing_secret = :stored
                            """)
                    .param("sealed", secrets.seal(stored.clientId(), secrets.open(stored.clientId(), stored.secret())))
                    .param("client", stored.clientId())
                    .param("stored", stored.secret())
                    .update();
        }
        if (!stale.isEmpty()) {
            log.info("Resealed {} callback signing secrets under the current key", stale.size());
        }
        return stale.size();
    }

    boolean remove(String clientId) {
        return jdbc.sql("DELETE FROM client_callback WHERE client_id = :client")
                        .param("client", clientId)
                        .update()
                > 0;
    }

    /** A client's callback. */
    record Registration(String clientId, String url) {}
}
