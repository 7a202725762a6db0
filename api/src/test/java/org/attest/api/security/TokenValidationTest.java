package org.attest.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.attest.api.ApiClient;
import org.attest.api.ApiClient.Reply;
import org.attest.api.ReleasingApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tokens minted here, some with the embedded issuer's real key, each wrong in one way: every one must be refused
 * with 401, and the one that is right in every way must pass (so the refusals are not an artefact of minting).
 */
class TokenValidationTest extends ReleasingApplicationTest {

    @Autowired
    JWKSource<SecurityContext> issuerKeys;

    @Test
    void aCorrectlyMintedTokenPasses() throws Exception {
        assertThat(redactWith(signed(issuerKey(), claims -> claims)).status()).isEqualTo(200);
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        RSAKey stranger =
                new RSAKeyGenerator(2048).keyID(issuerKey().getKeyID()).generate();
        assertThat(redactWith(signed(stranger, claims -> claims)).status()).isEqualTo(401);
    }

    @Test
    void expiredNotYetValidWrongIssuerOrAudienceAre401() throws Exception {
        RSAKey key = issuerKey();
        Instant now = Instant.now();
        assertThat(redactWith(signed(key, c -> c.expirationTime(Date.from(now.minusSeconds(120)))))
                        .status())
                .isEqualTo(401);
        assertThat(redactWith(signed(key, c -> c.notBeforeTime(Date.from(now.plusSeconds(300)))))
                        .status())
                .isEqualTo(401);
        assertThat(redactWith(signed(key, c -> c.issuer("https://evil.example")))
                        .status())
                .isEqualTo(401);
        assertThat(redactWith(signed(key, c -> c.audience("some-other-api"))).status())
                .isEqualTo(401);
        assertThat(redactWith(signed(key, c -> c.expirationTime(null))).status())
                .isEqualTo(401);
    }

    @Test
    void unsignedAndSymmetricTokensAre401() throws Exception {
        String none = new PlainJWT(claims(c -> c)).serialize();
        assertThat(redactWith(none).status()).isEqualTo(401);

        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(c -> c));
        hmac.sign(new MACSigner(issuerKey().toRSAPublicKey().getEncoded()));
        assertThat(redactWith(hmac.serialize()).status()).isEqualTo(401);
    }

    private Reply redactWith(String token) {
        return api.postJson("/v1/redact", token, ApiClient.textBody("chest pain"));
    }

    private RSAKey issuerKey() throws Exception {
        return (RSAKey) issuerKeys
                .get(new JWKSelector(new JWKMatcher.Builder().build()), null)
                .getFirst();
    }

    private String signed(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims(change));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(api.baseUrl())
                .subject("demo-consumer")
                .audience(List.of("attest-api"))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("scope", "redact")
                .claim("client_id", "demo-consumer");
        return change.apply(claims).build();
    }
}
