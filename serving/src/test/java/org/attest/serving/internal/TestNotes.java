package org.attest.serving.internal;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Synthetic clinical and non-clinical texts written for these tests; no real patient is described. */
final class TestNotes {

    static final String CLINIC_NOTE = """
            CHIEF COMPLAINT
            Chest pain for two days.

            HISTORY OF PRESENT ILLNESS
            The patient is a 58-year-old man with hypertension and type 2 diabetes who presents with intermittent \
            chest pain for two days. The pain is pressure-like, worse with exertion and relieved by rest. He denies \
            shortness of breath, palpitations or syncope. He reports good adherence to lisinopril and metformin.

            PHYSICAL EXAMINATION
            Blood pressure is 148/92 and heart rate is 84. Lungs are clear to auscultation. Heart has a regular rate \
            and rhythm without murmurs. There is no lower extremity edema.

            RESULTS
            The ECG shows normal sinus rhythm without acute ST changes. Troponin is negative.

            ASSESSMENT AND PLAN
            1. Chest pain, likely stable angina.
            - We will order an exercise stress test.
            - Start aspirin 81 mg daily and atorvastatin 40 mg at night.
            2. Hypertension, not at goal.
            - Increase lisinopril to 20 mg daily.
            The patient will follow up in the cardiology clinic in two weeks.
            """;

    static final String DIALOGUE = """
            Doctor: Good morning, what brings you in today?
            Patient: I have had a bad cough for about ten days now.
            Doctor: Are you bringing anything up when you cough?
            Patient: Yes, thick green sputum, and I had a fever of 101 last night.
            Doctor: Any shortness of breath or chest pain?
            Patient: I get short of breath climbing the stairs.
            Doctor: Do you smoke?
            Patient: I quit smoking five years ago.
            Doctor: On exam I hear crackles at the right lung base.
            Doctor: I think this is community-acquired pneumonia, so I will order a chest X-ray and start amoxicillin.
            Patient: Okay.
            Doctor: Come back in three days if the fever does not improve.
            """;

    static final String OFF_TOPIC = """
            The home side opened the scoring after twelve minutes when the striker curled a free kick into the top \
            corner. The visitors equalised just before half time with a header from a corner. After the break the \
            midfield took control and the winger set up two more goals. The manager praised the defence for keeping \
            a clean sheet. The win lifts the club to third place in the league table.
            """;

    static final String RECIPE = """
            Preheat the oven to 180 degrees. Cream the butter and sugar together until pale and fluffy. Beat in the \
            eggs one at a time, then fold in the flour and a pinch of salt. Pour the batter into a greased tin and \
            bake for 35 minutes. Let the cake cool before adding the lemon icing.
            """;

    static final String GARBLED =
            "asdf qwer zxcv uiop hjkl. bnm qwerty asdfgh zxcvbn. lkjh poiu mnbv ytre. qazwsx edcrfv tgbyhn. "
                    + "plmokn ijbuhv ygvtfc. wsxedc rfvtgb yhnujm.";

    private TestNotes() {}

    /** A long note: {@code sentences} distinct clinical sentences, varied by a counter. */
    static String longNote(int sentences) {
        String[] templates = {
            "On day %d the patient reported mild headache and nausea.",
            "Blood pressure on visit %d was 130 over 85 on lisinopril.",
            "Glucose reading number %d was 142 before breakfast.",
            "The wound was inspected %d times and showed no redness.",
            "Physical therapy session %d improved knee flexion.",
            "Medication review %d found no drug interactions."
        };
        return IntStream.range(0, sentences)
                .mapToObj(i -> templates[i % templates.length].formatted(i + 1))
                .collect(Collectors.joining(" "));
    }
}
