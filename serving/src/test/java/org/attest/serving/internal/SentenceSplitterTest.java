package org.attest.serving.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void splitsAtFinalPunctuationFollowedBySpace() {
        assertThat(SentenceSplitter.split("Fever for two days. No cough! Any rash? None."))
                .containsExactly("Fever for two days.", "No cough!", "Any rash?", "None.");
    }

    @Test
    void keepsAbbreviationsDecimalsAndTimesInsideTheSentence() {
        assertThat(
                        SentenceSplitter.split(
                                "Seen by Dr. Kumar at 11 a.m. today. Take 2.5 mg b.i.d. with food. Vs. last year it is better."))
                .containsExactly(
                        "Seen by Dr. Kumar at 11 a.m. today.",
                        "Take 2.5 mg b.i.d. with food.",
                        "Vs. last year it is better.");
    }

    @Test
    void splitsLowerCaseTranscripts() {
        assertThat(SentenceSplitter.split("hi , there . how are you ? i'm doing okay ."))
                .containsExactly("hi , there .", "how are you ?", "i'm doing okay .");
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        assertThat(SentenceSplitter.split("He said \"it hurts.\" Then he left."))
                .containsExactly("He said \"it hurts.\"", "Then he left.");
    }

    @Test
    void aTextWithoutPunctuationIsOneSentenceAndBlankIsNone() {
        assertThat(SentenceSplitter.split("  no punctuation at all  ")).containsExactly("no punctuation at all");
        assertThat(SentenceSplitter.split("   ")).isEmpty();
    }
}
