package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.attest.audit.AuditTrail;
import org.attest.audit.InputFingerprints;
import org.attest.review.ReleaseCandidate;
import org.attest.review.ReleasePolicy;
import org.attest.review.ReviewQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The audit and review modules started the way the application starts them (component and configuration
 * scanning, Flyway, a real database): settings bind and validate, and an override is audited at startup.
 */
class ReviewModuleWiringTest {

    static ReviewDatabase db;

    @BeforeAll
    static void database() {
        db = ReviewDatabase.create();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theWiredModulesAuditAnOverrideAtStartupInTheRealChain() {
        try (ConfigurableApplicationContext context =
                start("attest.release.threshold-override=0.0", "attest.release.qa-sample-rate=0")) {
            AuditTrail trail = context.getBean(AuditTrail.class);
            Map<String, Object> row = db.jdbc
                    .sql("SELECT * FROM audit_event WHERE event_type = 'RELEASE_POLICY_OVERRIDDEN'")
                    .query()
                    .singleRow();
            assertThat(row)
                    .containsEntry("actor_issuer", "urn:attest")
                    .containsEntry("actor_subject", "system")
                    .containsEntry("client_id", "attest")
                    .containsEntry("decision", "threshold-override=0.0,qa-sample-rate=0.0");
            assertThat(trail.findByRequestId((String) row.get("request_id"))).hasSize(1);
            assertThat(trail.verify().intact()).isTrue();
            assertThat(context.getBean(ReleasePolicy.class)
                            .decide(new ReleaseCandidate(0.01, 0.9, false))
                            .released())
                    .isTrue();
            assertThat(context.getBean(ReviewQueue.class)).isInstanceOf(PostgresReviewQueue.class);
            assertThat(context.getBean(InputFingerprints.class).of("x").keyId()).isEqualTo("wired");
        }
    }

    @Test
    void theWiredModulesWriteNothingWithoutAnOverride() {
        long before = overrideEvents();
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(ReleasePolicy.class)
                            .decide(new ReleaseCandidate(0.01, 0.9, false))
                            .rulesFired())
                    .containsExactly("below-confidence-threshold");
            assertThat(overrideEvents()).isEqualTo(before);
        }
    }

    @Test
    void anOutOfRangeOverrideStopsStartup() {
        assertThatThrownBy(() -> start("attest.release.threshold-override=1.5").close())
                .hasStackTraceContaining("attest.release");
    }

    @Test
    void aMissingInputHmacKeyStopsStartupWhenNoneMayBeGenerated() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ReviewTestApplication.class)
                        .web(WebApplicationType.NONE)
                        .properties(
                                "spring.datasource.url=" + db.url,
                                "spring.flyway.locations=classpath:db/migration/audit,classpath:db/migration/review",
                                "attest.audit.input-hmac-key-file=target/no-such-dir/input-hmac.key",
                                "attest.audit.generate-missing-key=false")
                        .run()
                        .close())
                .hasStackTraceContaining("no input HMAC key");
    }

    private static long overrideEvents() {
        return db.jdbc
                .sql("SELECT count(*) FROM audit_event WHERE event_type = 'RELEASE_POLICY_OVERRIDDEN'")
                .query(Long.class)
                .single();
    }

    private static ConfigurableApplicationContext start(String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "spring.datasource.url=" + db.url,
                "spring.flyway.locations=classpath:db/migration/audit,classpath:db/migration/review",
                "attest.audit.input-hmac-key=" + Base64.getEncoder().encodeToString(new byte[32]),
                "attest.audit.input-hmac-key-id=wired",
                "attest.audit.generate-missing-key=false"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(ReviewTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(all.toArray(String[]::new))
                .run();
    }
}
