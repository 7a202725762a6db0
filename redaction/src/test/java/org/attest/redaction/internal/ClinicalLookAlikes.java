package org.attest.redaction.internal;

import java.util.List;

/** Clinical text that looks like PHI to a careless pattern and must come through redaction untouched. */
final class ClinicalLookAlikes {

    static final List<String> ALL = List.of(
            "BP 120/80",
            "Farmer's lung ruled out.",
            "Boxer's fracture of the right fifth metacarpal.",
            "history of housemaid's knee",
            "BP 90/60 mmHg",
            "2 mg",
            "T2DM",
            "Na 140",
            "HbA1c 7.2%",
            "5/5 strength",
            "strength 5/5 in all extremities",
            "3/4 tablet",
            "take 3/4 tablet at night",
            "started on 1/2 tab daily",
            "20/20 vision",
            "Temp 98.6 F",
            "the year 2019",
            "a 45-year-old",
            "age 89",
            "89 yo",
            "Parkinson disease",
            "Glasgow Coma Scale 15",
            "GCS 3/15",
            "ICD-10 E11.9",
            "1.5 cm",
            "q6h",
            "x3 days",
            "Plt 150-400 K/uL",
            "Na 135-145 mmol/L",
            "WBC 4.5-11.0",
            "INR 2.0-3.0",
            "glucose 1002345678",
            "chem 140 104 24 1234",
            "ref range 135-1450",
            "LDL 100-129 mg/dL",
            "Version 1.2.3",
            "reflexes 2+/4",
            "pain 7/10",
            "hx of MS Relapsing",
            "May we proceed",
            "MAR 2 doses given",
            "took into account 1500 mg",
            "account of her symptoms",
            "record 3 episodes",
            "medical record reviewed",
            "MRN pending",
            "e.g. i.v. fluids",
            "CD4 350 cells",
            "EF 55-60%",
            "Stage 4 CKD",
            "page 95 of the guideline",
            "G3P2",
            "s/p CABG x4");

    private ClinicalLookAlikes() {}
}
