package org.attest.serving.internal;

import ai.onnxruntime.OrtException;
import java.util.List;

/**
 * The direction of "clinical text" in the encoder's space: the centroid of short generic clinical sentences written for
 * the purpose, embedded once when the model loads. A vector's cosine to it says how clinical its text is: MiniLM
 * gives full clinical notes about 0.7, doctor-patient dialogues 0.3 to 0.6, recipes, sports reports and garbled text
 * below 0.17.
 */
final class ClinicalAnchors {

    /** History, examination, results, plan, medications, social and family history, and a clinician's question. */
    static final List<String> SENTENCES = List.of(
            "The patient reports chest pain for two days.",
            "Blood pressure is well controlled on lisinopril.",
            "She denies fever, chills, nausea or vomiting.",
            "He has a history of type 2 diabetes and hypertension.",
            "Physical examination shows clear lungs and a regular heart rhythm.",
            "We will order a chest X-ray and a complete blood count.",
            "The patient should follow up in the clinic in two weeks.",
            "Continue metformin 500 mg twice daily.",
            "She complains of worsening shortness of breath on exertion.",
            "The MRI of the right knee showed a torn meniscus.",
            "No known drug allergies.",
            "He smokes a pack of cigarettes a day and drinks alcohol socially.",
            "Her mother had breast cancer and her father had a heart attack.",
            "The surgical wound is healing well without signs of infection.",
            "Assessment: community-acquired pneumonia, improving on antibiotics.",
            "The patient feels anxious and has trouble sleeping.",
            "How long have you had this cough and do you have any pain?",
            "Her hemoglobin A1c is elevated at 8.2 percent.");

    private final float[] centroid;

    private ClinicalAnchors(float[] centroid) {
        this.centroid = centroid;
    }

    /** Embeds the anchor sentences with the encoder the summaries use. */
    static ClinicalAnchors embed(SentenceEncoder encoder) throws OrtException {
        return new ClinicalAnchors(Vectors.centroid(List.of(encoder.encode(SENTENCES))));
    }

    /** The cosine of a unit vector to the anchors' centroid. */
    double similarity(float[] vector) {
        return Vectors.dot(vector, centroid);
    }
}
