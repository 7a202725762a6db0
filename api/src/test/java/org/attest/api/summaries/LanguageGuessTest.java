package org.attest.api.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The input's language from its function words, or unknown when the text cannot tell. */
class LanguageGuessTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|[doctor] hi, martha. how are you? [patient] i'm doing okay. the pain in my knee is worse when i"
                        + " walk up the stairs and it has been like that for a week.",
                "es|El paciente refiere dolor torácico desde hace dos días, que empeora con el esfuerzo y mejora con"
                        + " el reposo. No tiene fiebre y la presión arterial es normal.",
                "fr|Le patient se plaint d'une douleur thoracique depuis deux jours, qui s'aggrave à l'effort. Il n'a"
                        + " pas de fièvre et la tension est normale pour son âge.",
                "de|Der Patient klagt seit zwei Tagen über Brustschmerzen, die bei Belastung schlimmer werden. Er hat"
                        + " kein Fieber und der Blutdruck ist normal für sein Alter.",
                "pt|O paciente refere dor no peito há dois dias, que piora com o esforço. Não tem febre e a pressão"
                        + " arterial está normal para a sua idade."
            })
    void namesTheLanguageOfAClinicalText(String language, String text) {
        assertThat(LanguageGuess.of(text)).contains(language);
    }

    @Test
    void aShortTelegraphicOrWordlessTextIsUnknown() {
        // a terse note has too few function words to tell: unknown, which the card's language limit does not hold
        assertThat(LanguageGuess.of("Mr. John Smith, MRN: 4821337, seen 03/14/2026. Chest pain for two days, worse on"
                        + " exertion. ECG shows ST depression. Troponin mildly elevated. Plan: aspirin, heparin."))
                .isEmpty();
        assertThat(LanguageGuess.of("Chest pain. BP 150/95.")).isEmpty();
        assertThat(LanguageGuess.of(
                        "BP 150/95 HR 88 RR 16 SpO2 97% T 37.2 Na 140 K 4.1 Cr 0.9 Hb 13.2 WBC 7.1 Plt 250"))
                .isEmpty();
    }
}
