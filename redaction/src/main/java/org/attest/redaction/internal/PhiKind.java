package org.attest.redaction.internal;

import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;

/**
 * The subtypes the recognizers report, each under its i2b2 2014 category. The subtype's name is also its placeholder:
 * {@code [DATE]}, {@code [PHONE]}, ... Together they cover the text-borne HIPAA Safe Harbor identifiers (biometrics
 * and photographs do not occur in text).
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
    CARD(PhiType.ID),
    HEALTH_PLAN(PhiType.ID),
    LICENSE(PhiType.ID),
    NPI(PhiType.ID),
    VEHICLE(PhiType.ID),
    DEVICE(PhiType.ID),
    IDNUM(PhiType.ID),
    PERSON(PhiType.NAME),
    PATIENT(PhiType.NAME),
    DOCTOR(PhiType.NAME),
    PROFESSION(PhiType.PROFESSION),
    STREET(PhiType.LOCATION),
    CITY(PhiType.LOCATION),
    STATE(PhiType.LOCATION),
    ZIP(PhiType.LOCATION),
    COUNTRY(PhiType.LOCATION),
    HOSPITAL(PhiType.LOCATION),
    ORGANIZATION(PhiType.LOCATION),
    AGE(PhiType.AGE);

    private final PhiType type;

    PhiKind(PhiType type) {
        this.type = type;
    }

    PhiType type() {
        return type;
    }

    PhiEntity entity(int start, int end, double score, String detector) {
        return new PhiEntity(type, name(), start, end, score, detector);
    }
}
