package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * Street addresses: a house number, one to four capitalised words and a street suffix ({@code 12 Elm Street}, {@code
 * 4500 N. Martin Luther King Jr Blvd}, {@code 77 Oak Ave., Apt 4B}), post-office boxes ({@code PO Box 123}) and
 * continental forms ({@code Hauptstraße 12}, {@code Kerkstraat 5a}, {@code 12 rue de la Paix}, {@code Via Roma 10}).
 * The suffix is what tells {@code 12 Elm Street} apart from {@code 12 Tylenol tablets}.
 */
final class StreetAddressRecognizer implements Recognizer {

    static final String NAME = "street-address";

    private static final double SCORE = 0.85;

    private static final String WORD = "\\p{Lu}[\\p{L}'’.-]*+";
    private static final String SUFFIX = "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court"
            + "|Ct|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Alley|Row|Crescent"
            + "|Close|Plaza|Loop|Pike|Turnpike)";
    private static final String UNIT =
            "(?:,?\\h+(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|#)\\.?\\h*[A-Za-z0-9-]{1,6}+)?";

    private static final List<Pattern> FORMS = List.of(
            Pattern.compile("(?<![\\p{L}\\p{N}/.,-])\\d{1,6}+[A-Za-z]?(?:-\\d{1,4})?\\h+(?:[NSEW]\\.?\\h+)?(?:" + WORD
                    + "\\h+){1,4}?" + SUFFIX + "(?![\\p{L}])\\.?" + UNIT),
            Pattern.compile("(?<![\\p{L}])P\\.?\\h?O\\.?\\h+Box\\h+\\d{1,6}(?![\\p{N}])", Pattern.CASE_INSENSITIVE),
            // Continental forms: Hauptstraße 12, Kerkstraat 5a, 12 rue de la Paix, Calle Mayor 3, Via Roma 10
            // (lazy: the street word is the tail of the name, "Rilkestr." and "Hauptstraße" alike)
            Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}\\p{L}*?(?:straße|strasse|str\\.|weg|gasse|platz|allee|ring"
                    + "|laan|straat|plein|gracht|dreef|kade|singel)\\h+\\d{1,5}[a-z]?(?![\\p{L}\\p{N}])"),
            Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\d{1,5},?\\h+)?(?:rue|avenue|boulevard|chemin|allée|impasse|quai"
                    + "|Calle|Avenida|Plaza|Paseo|Camino|Carrer|Via|Viale|Piazza|Corso|Largo|Rua)\\h+(?:(?:de|del|de la"
                    + "|du|des|della|di|dei)\\h+)?" + WORD + "(?:\\h+" + WORD + "){0,2}?(?:,?\\h+\\d{1,5})?"
                    + "(?![\\p{L}\\p{N}])"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        for (Pattern form : FORMS) {
            Matcher m = form.matcher(text);
            while (m.find()) {
                found.add(PhiKind.STREET.entity(m.start(), m.end(), SCORE, NAME));
            }
        }
        return found;
    }
}
