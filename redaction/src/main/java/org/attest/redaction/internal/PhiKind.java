package org.attest.redaction.internal;

import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;

/**
 * The subtypes the regular-expression recognizers report, each under its i2b2 category. The subtype's name is also
 * its placeholder: {@code [DATE]}, {@code [PHONE]}, ...
 */
enum PhiKind {
    DATE(PhiType.DATE),
    PHONE(PhiType.CONTACT),
    FAX(PhiType.CONTACT),
    EMAIL(PhiType.CONTACT),
    URL(PhiType.CONTACT),
    IP(PhiType.CONTACT),
    SSN(PhiType.ID),
    MRN(PhiType.ID),
    ACCOUNT(PhiType.ID),
    PERSON(PhiType.NAME),
    DOCTOR(PhiType.NAME),
    AGE(PhiType.AGE);

    private final PhiType type;

    PhiKind(PhiType type) {
        this.type = type;
    }

    PhiEntity entity(int start, int end, double score, String detector) {
        return new PhiEntity(type, name(), start, end, score, detector);
    }
}
