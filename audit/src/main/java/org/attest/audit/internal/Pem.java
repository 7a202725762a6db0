package org.attest.audit.internal;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PEM text form of a DER key: a {@code -----BEGIN <label>-----} line, base64 in 64-column lines, an END line. */
final class Pem {

    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String PUBLIC_KEY = "PUBLIC KEY";

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Pem() {}

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /**
     * The DER bytes of the first {@code label} block in {@code text}, or of {@code text} itself when it is bare
     * base64 (as an environment variable holds it).
     *
     * @throws IllegalArgumentException when it is neither; the message never quotes the text
     */
    static byte[] decode(String label, String text) {
        Matcher block = BLOCK.matcher(text);
        String base64 = block.find() && block.group(1).equals(label) ? block.group(2) : text;
        try {
            return Base64.getDecoder().decode(WHITESPACE.matcher(base64).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM " + label + " block nor base64");
        }
    }
}
