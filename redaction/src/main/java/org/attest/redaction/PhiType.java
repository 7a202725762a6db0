package org.attest.redaction;

/** The i2b2 2014 top-level PHI categories that every entity is reported in. */
public enum PhiType {
    NAME,
    PROFESSION,
    LOCATION,
    AGE,
    DATE,
    CONTACT,
    ID
}
