package org.attest.api;

import java.util.List;

/** Synthetic clinical text with planted, fictitious PHI, for tests that must prove the PHI never leaks. */
public final class ClinicalNotes {

    private ClinicalNotes() {}

    public static final String NOTE_WITH_PHI = """
            Mr. Jonathan Whitfield, MRN: 48213377, DOB 03/14/1961, SSN 123-45-6789.
            Phone (617) 555-0142, e-mail jwhitfield@example.org.
            Chief complaint: chest pain for two days, worse with exertion and relieved by rest.
            History: 63-year-old man with hypertension and type 2 diabetes (T2DM) on metformin 500 mg twice daily.
            Exam: BP 150/90, HR 96, lungs clear, no peripheral edema.
            ECG shows ST depression in the lateral leads.
            Troponin was mildly elevated at 0.08 ng/mL.
            Assessment: likely unstable angina; rule out NSTEMI.
            Plan: start aspirin and heparin, admit to cardiology, repeat troponin in 6 hours, echocardiogram tomorrow.
            Seen on 11/20/2026 by Dr. Alice Nguyen.
            """;

    /** Every planted identifier, as it appears in {@link #NOTE_WITH_PHI}. */
    public static final List<String> PLANTED_PHI = List.of(
            "Jonathan Whitfield",
            "Whitfield",
            "48213377",
            "03/14/1961",
            "123-45-6789",
            "(617) 555-0142",
            "555-0142",
            "jwhitfield@example.org",
            "11/20/2026",
            "Alice Nguyen");
}
