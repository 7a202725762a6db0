package org.attest.redaction.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.attest.redaction.PhiEntity;
import org.attest.redaction.PhiType;

/**
 * Numbers the entities of one request: the same entity (same category, same text up to case and spacing) gets the same
 * number, e.g. {@code [NAME-1]} for every "John Smith" and "john  smith". A one-word name that is a word of an earlier
 * name ("Smith" after "John Smith") gets that name's number. Only keyed HMAC-SHA-256 digests of the texts are held,
 * never the texts; one instance per request, not thread-safe.
 */
final class Pseudonyms {

    private final Mac mac;
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<PhiType, Integer> counts = new HashMap<>();

    Pseudonyms(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    /** The surrogate of an entity of {@code text}. */
    String surrogate(String text, PhiEntity entity) {
        String normalized = text.substring(entity.start(), entity.end())
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s.,]+", " ")
                .strip();
        String whole = digest(entity.type() + "\u0000" + normalized);
        Integer number = numbers.get(whole);
        if (number == null && entity.type() == PhiType.NAME && !normalized.contains(" ")) {
            number = numbers.get(digest(entity.type() + "\u0001" + normalized));
        }
        if (number == null) {
            number = counts.merge(entity.type(), 1, Integer::sum);
            numbers.put(whole, number);
            if (entity.type() == PhiType.NAME) {
                for (String word : normalized.split(" ")) {
                    if (word.length() > 2) {
                        numbers.putIfAbsent(digest(entity.type() + "\u0001" + word), number);
                    }
                }
            }
        }
        return "[" + entity.type().name() + "-" + number + "]";
    }

    private String digest(String value) {
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }
}
