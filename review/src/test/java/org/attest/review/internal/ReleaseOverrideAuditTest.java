package org.attest.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.attest.audit.Actor;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditRecord;
import org.attest.audit.AuditTrail;
import org.attest.audit.AuditedWrite;
import org.attest.audit.ChainVerification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An operator override of the release rules is logged and audited once at startup, in a transaction of its own;
 * without one, nothing is written.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReleaseOverrideAuditTest {

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
    void anOverrideIsAppendedOnceInItsOwnTransactionAndWarned(CapturedOutput output) {
        RecordingTrail trail = new RecordingTrail();
        ReleaseOverrideAudit audit = new ReleaseOverrideAudit(new ReleaseProperties(1.0, 0.0), trail, db.transactions);

        audit.auditOverrides();

        assertThat(trail.appended).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.RELEASE_POLICY_OVERRIDDEN);
            assertThat(event.actor()).isEqualTo(Actor.SYSTEM);
            assertThat(event.clientId()).isEqualTo("attest");
            assertThat(event.requestId()).isNotBlank();
            assertThat(event.decision()).isEqualTo("threshold-override=1.0,qa-sample-rate=0.0");
            assertThat(event.subjectId()).isEqualTo("release-policy/2;threshold-override=1.0;qa-sample-rate=0.0");
            assertThat(event.output()).isNull();
        });
        assertThat(trail.inTransaction).containsExactly(true);
        assertThat(output.getAll()).contains("WARN").contains("Release policy overridden: threshold-override=1.0");
    }

    @Test
    void theDefaultsAreNotAnOverride() {
        RecordingTrail trail = new RecordingTrail();

        new ReleaseOverrideAudit(ReleaseProperties.defaults(), trail, db.transactions).auditOverrides();

        assertThat(trail.appended).isEmpty();
    }

    /** Keeps what was appended, and whether a transaction was active at the time. */
    static final class RecordingTrail implements AuditTrail {
        final List<AuditEvent> appended = new ArrayList<>();
        final List<Boolean> inTransaction = new ArrayList<>();

        @Override
        public AuditRecord append(AuditEvent event) {
            appended.add(event);
            inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            return new AuditRecord(1, java.time.Instant.EPOCH, event, "0".repeat(64), "1".repeat(64));
        }

        @Override
        public AuditRecord commit(AuditedWrite write, Duration within) {
            throw new UnsupportedOperationException("the override is appended in its own transaction");
        }

        @Override
        public ChainVerification verify() {
            return new ChainVerification(appended.size(), 0, null, null);
        }

        @Override
        public List<AuditRecord> findByRequestId(String requestId) {
            return List.of();
        }
    }
}
