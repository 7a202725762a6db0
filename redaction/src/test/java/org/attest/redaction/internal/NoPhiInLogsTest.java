package org.attest.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.attest.redaction.PhiType;
import org.attest.redaction.Redaction;
import org.attest.serving.EntitySpan;
import org.attest.serving.ModelState;
import org.attest.serving.ModelStatus;
import org.attest.serving.ModelVersion;
import org.attest.serving.TokenClassifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The canary: texts full of unique PHI go through every path of the redactor (regex only, NER ready, NER failing on a
 * request, NER failed at load, every operator) with every logger at TRACE, and no log line, argument or stack trace
 * contains any of it.
 */
class NoPhiInLogsTest {

    private static final List<String> CANARIES = List.of(
            "Quxbertha Zzyzwick", "Zzyzwick", "Quxbertha", "234-56-7891", "quxbertha@canary.example", "Canaryville");

    private static final String TEXT = "Dr. Quxbertha Zzyzwick (quxbertha@canary.example) saw Mrs. Zzyzwick, SSN "
            + "234-56-7891, of 12 Canaryville Street, on 3/4/21.";

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previous;

    @BeforeEach
    void captureEverything() {
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void restore() {
        root.detachAppender(appender);
        root.setLevel(previous);
    }

    @Test
    void noEntityTextReachesAnyLogLine() {
        for (OperatorKind operator : OperatorKind.values()) {
            RedactionProperties settings = new RedactionProperties(
                    89, YearlessDatePolicy.CONTEXT, null, null, null, null, Map.of(PhiType.NAME, operator), null, true);
            for (TokenClassifier ner : List.of(
                    new Canaries(ModelState.READY, false),
                    new Canaries(ModelState.READY, true),
                    new Canaries(ModelState.FAILED, false))) {
                PolicyRedactor redactor = new PolicyRedactor(settings, ner);
                List<Redaction> redactions = redactor.redactAll(List.of(TEXT, TEXT.toUpperCase(java.util.Locale.ROOT)));
                assertThat(redactions.getFirst().redactedText()).doesNotContain(CANARIES);
                redactor.redact(TEXT);
            }
            new PolicyRedactor(settings).redact(TEXT);
        }

        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String canary : CANARIES) {
                assertThat(line.toLowerCase(java.util.Locale.ROOT))
                        .as("log line of %s", event.getLoggerName())
                        .doesNotContain(canary.toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    /**
     * A scripted tagger that marks the canary words, or fails with a message quoting the text — fault injection for
     * the log paths, not a stand-in for the model's quality (the model's own tests are in {@code PhiNerModelTest}).
     */
    private record Canaries(ModelState state, boolean failing) implements TokenClassifier {

        @Override
        public List<List<EntitySpan>> classify(List<String> texts) {
            if (failing) {
                throw new IllegalStateException("could not tag " + texts);
            }
            return texts.stream()
                    .map(text -> {
                        int at = text.indexOf("Canaryville");
                        return at < 0 ? List.<EntitySpan>of() : List.of(new EntitySpan("CITY", at, at + 11, 0.9));
                    })
                    .toList();
        }

        @Override
        public ModelStatus status() {
            return new ModelStatus(
                    "phi-ner",
                    new ModelVersion("phi-ner", "1", "ab".repeat(32), 0.5),
                    state,
                    state == ModelState.FAILED ? "artifact missing" : null,
                    "cpu");
        }
    }
}
