package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * IPv4 addresses in dotted-decimal form, every octet 0–255 without a leading zero. Dotted version numbers look the
 * same, so the base score is modest and network words ({@code IP}, {@code host}, ...) raise it. IPv6 is not matched
 * yet.
 */
final class IpAddressRecognizer implements Recognizer {

    static final String NAME = "ip-address";

    private static final double BASE = 0.6;

    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\p{L}\\p{N}.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\p{L}\\p{N}]|\\.\\p{N})");

    private static final ContextWords CONTEXT = new ContextWords(
            40, 10, "ip", "ipv4", "address", "host", "server", "client", "login", "logged", "accessed", "network");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhiEntity> find(String text) {
        List<PhiEntity> found = new ArrayList<>();
        Matcher m = IPV4.matcher(text);
        while (m.find()) {
            if (validOctets(m)) {
                found.add(PhiKind.IP.entity(m.start(), m.end(), CONTEXT.score(BASE, text, m.start(), m.end()), NAME));
            }
        }
        return found;
    }

    private static boolean validOctets(Matcher m) {
        for (int group = 1; group <= 4; group++) {
            String octet = m.group(group);
            if ((octet.length() > 1 && octet.charAt(0) == '0') || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
