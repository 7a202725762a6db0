package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * Vehicle identification numbers: 17 letters and digits without I, O or Q, at least one of each, with a valid check
 * digit in position 9. Reported as {@code VEHICLE}; licence plates are found by their label
 * ({@link LabelledIdRecognizer}).
 */
final class VinRecognizer implements Recognizer {

    static final String NAME = "vin";

    private static final double SCORE = 0.85;

    private static final Pattern VIN = Pattern.compile("(?<![\\p{L}\\p{N}])[A-HJ-NPR-Z0-9]{17}(?![\\p{L}\\p{N}])");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        if (!Checksums.hasDigitRun(text, 1)) {
            return found;
        }
        Matcher m = VIN.matcher(text);
        while (m.find()) {
            String vin = m.group();
            if (vin.chars().anyMatch(Character::isDigit)
                    && vin.chars().anyMatch(Character::isLetter)
                    && Checksums.vin(vin)) {
                found.add(PhiKind.VEHICLE.entity(m.start(), m.end(), SCORE, NAME));
            }
        }
        return found;
    }
}
