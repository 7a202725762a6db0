package org.attest.api.audit;

import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/** Picks JSON or CSV for an export from the {@code Accept} header, by quality; JSON when the client does not care. */
final class Negotiation {

    private static final List<MediaType> PRODUCED = List.of(MediaType.APPLICATION_JSON, AuditController.TEXT_CSV);

    private Negotiation() {}

    /**
     * Whether the client asked for CSV.
     *
     * @throws HttpMediaTypeNotAcceptableException when it accepts neither JSON nor CSV (answered with 406)
     */
    static boolean wantsCsv(@Nullable String accept) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException(PRODUCED);
        }
        List<MediaType> byQuality = accepted.stream()
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .toList();
        for (MediaType type : byQuality) {
            if (type.getQualityValue() > 0
                    && !type.isWildcardType()
                    && type.isCompatibleWith(AuditController.TEXT_CSV)) {
                return true;
            }
            if (type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        throw new HttpMediaTypeNotAcceptableException(PRODUCED);
    }
}
