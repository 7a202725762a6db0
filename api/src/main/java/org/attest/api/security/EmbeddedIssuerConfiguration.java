package org.attest.api.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The local profile's own OAuth2 authorization server (Spring Authorization Server): client-credentials tokens for
 * the demo clients, signed with a key generated at startup. The API validates them exactly as it validates a
 * production issuer's tokens; only the source of the keys differs.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class EmbeddedIssuerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedIssuerConfiguration.class);

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http) {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        // a browser that must sign in first is sent to the issuer's own login page; API clients get 401
        EmbeddedIssuerBrowserLogin.shareIssuerSession(http);
        return http.build();
    }

    @Bean
    IssuerUri issuerUri(SecurityProperties properties) {
        String configured = properties.issuer();
        return new IssuerUri(configured == null || configured.isBlank() ? "http://localhost:8080" : configured);
    }

    /** Without a configured issuer, the embedded issuer names itself by the port the server actually got. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> embeddedIssuerAddress(
            IssuerUri issuer, SecurityProperties properties) {
        return event -> {
            if (properties.issuer() == null || properties.issuer().isBlank()) {
                issuer.set("http://localhost:" + event.getWebServer().getPort());
            }
            log.info("embedded OAuth2 issuer at {} (local profile, demo clients only)", issuer.get());
        };
    }

    @Bean
    JWKSource<SecurityContext> signingKeys() {
        KeyPair pair = rsaKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys, IssuerUri issuer, SecurityProperties properties) {
        return TokenValidation.fromKeySource(signingKeys, issuer, properties);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    RegisteredClientRepository demoClients(SecurityProperties properties) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.embeddedIssuer().tokenTtl())
                .build();
        List<RegisteredClient> clients = properties.embeddedIssuer().clients().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(client -> RegisteredClient.withId(
                                UUID.nameUUIDFromBytes(client.getKey().getBytes(StandardCharsets.UTF_8))
                                        .toString())
                        .clientId(client.getKey())
                        .clientSecret(encoder.encode(client.getKey() + "-secret"))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(scopes -> scopes.addAll(
                                Arrays.asList(client.getValue().trim().split("\\s+"))))
                        .tokenSettings(tokens)
                        .build())
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        clients.add(EmbeddedIssuerBrowserLogin.browserClient(tokens));
        if (clients.size() == 1) {
            throw new IllegalStateException("attest.security.embedded-issuer.clients is empty in the local profile");
        }
        log.info(
                "embedded issuer demo clients: {}",
                clients.stream().map(RegisteredClient::getClientId).toList());
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * Access tokens name the configured issuer and the API's audience, carry {@code client_id}, and — like
     * Keycloak's default client scopes — get all of the client's scopes when the request names none.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims(IssuerUri issuer, SecurityProperties properties) {
        return context -> {
            if (EmbeddedIssuerBrowserLogin.isIdToken(context)) {
                EmbeddedIssuerBrowserLogin.addRoles(context, issuer.get());
                return;
            }
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            RegisteredClient client = context.getRegisteredClient();
            context.getClaims()
                    .issuer(issuer.get())
                    .audience(List.of(properties.audience()))
                    .claim("client_id", client.getClientId());
            if (context.getAuthorizedScopes().isEmpty()) {
                context.getClaims().claim("scope", List.copyOf(client.getScopes()));
            }
        };
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }
}
