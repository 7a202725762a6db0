package org.attest.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attest.redaction.PhiEntity;

/**
 * IPv4 addresses in dotted-decimal form, every octet 0–255 without a leading zero, and IPv6 addresses (eight groups
 * of one to four hex digits, or fewer with one {@code ::}, optionally ending in an IPv4 address). Dotted version
 * numbers look like IPv4, so its base score is modest and network words ({@code IP}, {@code host}, ...) raise it;
 * times ({@code 10:30:45}) never pass as IPv6, which needs eight groups or a {@code ::}.
 */
final class IpAddressRecognizer implements Recognizer {

    static final String NAME = "ip-address";

    private static final double BASE = 0.6;

    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\p{L}\\p{N}.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\p{L}\\p{N}]|\\.\\p{N})");

    private static final Pattern IPV6 = Pattern.compile(
            "(?<![\\p{L}\\p{N}:.])(?=[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:)[0-9A-Fa-f:]{2,39}+(?:\\.\\d{1,3}){0,3}"
                    + "(?![\\p{L}\\p{N}:]|\\.\\p{N})");

    private static final double IPV6_SCORE = 0.85;

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
        Matcher v6 = IPV6.matcher(text);
        while (v6.find()) {
            if (validIpv6(v6.group())) {
                found.add(PhiKind.IP.entity(v6.start(), v6.end(), IPV6_SCORE, NAME));
            }
        }
        return found;
    }

    /** RFC 4291 text form: at most one "::", groups of 1–4 hex digits, 8 of them (an IPv4 tail counts as 2). */
    static boolean validIpv6(String candidate) {
        int compressed = candidate.indexOf("::");
        if (compressed >= 0 && candidate.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        String[] groups = candidate.replace("::", ":_:").split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean edge = (i == 0 || i == groups.length - 1) && group.isEmpty() && compressed >= 0;
            if (group.equals("_") || edge) {
                continue;
            }
            if (i == groups.length - 1 && group.contains(".")) {
                if (!IPV4.matcher(group).matches()) {
                    return false;
                }
                count += 2;
            } else if (group.matches("[0-9A-Fa-f]{1,4}")) {
                count++;
            } else {
                return false;
            }
        }
        return compressed >= 0 ? count < 8 : count == 8;
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
