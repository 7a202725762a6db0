package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * US ZIP codes ({@code 02115}, {@code 02115-1234}) where an address puts them: right after a state ({@code MA 02115},
 * {@code Massachusetts 02115}) or after a {@code ZIP} label. A bare five-digit number is a lab value far more often.
 */
final class ZipCodeRecognizer implements Recognizer {

    static final String NAME = "zip-code";

    private static final double SCORE = 0.85;

    static final String STATE_CODES = "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO"
            + "|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR";

    static final String STATE_NAMES = "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware"
            + "|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
            + "|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\\h+Hampshire"
            + "|New\\h+Jersey|New\\h+Mexico|New\\h+York|North\\h+Carolina|North\\h+Dakota|Ohio|Oklahoma|Oregon"
            + "|Pennsylvania|Rhode\\h+Island|South\\h+Carolina|South\\h+Dakota|Tennessee|Texas|Utah|Vermont|Virginia"
            + "|Washington|West\\h+Virginia|Wisconsin|Wyoming";

    private static final String ZIP = "(?<zip>\\d{5}(?:-\\d{4})?)(?![\\p{L}\\p{N}]|[.,-]\\p{N})";

    private static final List<Pattern> FORMS = List.of(
            Pattern.compile("(?<![\\p{L}])(?:" + STATE_CODES + "|" + STATE_NAMES + "),?\\h+" + ZIP),
            Pattern.compile(
                    "(?<![\\p{L}])(?:zip|zip\\h*code|postal\\h+code)\\h*[:#]?\\h*" + ZIP, Pattern.CASE_INSENSITIVE));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        if (!Checksums.hasDigitRun(text, 5)) {
            return found;
        }
        for (Pattern form : FORMS) {
            Matcher m = form.matcher(text);
            while (m.find()) {
                found.add(PhiKind.ZIP.entity(m.start("zip"), m.end("zip"), SCORE, NAME));
            }
        }
        return found;
    }
}
