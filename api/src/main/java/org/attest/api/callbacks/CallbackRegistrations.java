package org.attest.api.callbacks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each client's callback URL and signing secret, in {@code client_callback}. */
@Repository
class CallbackRegistrations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    CallbackRegistrations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
                .param("secret", encoded)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return encoded;
    }

    Optional<Registration> find(String clientId) {
        return jdbc.sql("SELECT client_id, url, signing_secret FROM client_callback WHERE client_id = :client")
                .param("client", clientId)
                .query((rs, row) -> new Registration(
                        rs.getString("client_id"), rs.getString("url"), rs.getString("signing_secret")))
                .optional();
    }

    boolean remove(String clientId) {
        return jdbc.sql("DELETE FROM client_callback WHERE client_id = :client")
                        .param("client", clientId)
                        .update()
                > 0;
    }

    /** A client's callback. */
    record Registration(String clientId, String url, String secret) {}
}
