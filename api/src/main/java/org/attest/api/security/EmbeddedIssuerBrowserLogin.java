package org.attest.api.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The local profile's browser sign-in at the embedded issuer: demo users (password {@code <user>-password}) sign in
 * on the issuer's own login page, and the UI signs them in by OpenID Connect (authorization code) as it would at
 * any production provider. The issuer keeps its sign-in in session attributes of its own, so that it never passes
 * for a sign-in to the UI, even where both share a host and a session cookie.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class EmbeddedIssuerBrowserLogin {

    /** The UI's client at the embedded issuer; its secret is {@code attest-ui-secret}. */
    static final String BROWSER_CLIENT_ID = "attest-ui";

    static final String LOGIN_PAGE = "/issuer/login";

    private static final String CONTEXT_KEY = "ATTEST_ISSUER_SECURITY_CONTEXT";
    private static final String SAVED_REQUEST_KEY = "ATTEST_ISSUER_SAVED_REQUEST";
    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    /** The issuer's login form: demo users only; the form posts back here, CSRF-protected. */
    @Bean
    @Order(1)
    SecurityFilterChain issuerLoginFilterChain(HttpSecurity http, SecurityProperties properties) {
        SavedRequestAwareAuthenticationSuccessHandler backToAuthorization =
                new SavedRequestAwareAuthenticationSuccessHandler();
        backToAuthorization.setRequestCache(requestCache());
        http.securityMatcher(LOGIN_PAGE)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .formLogin(form -> form.loginPage(LOGIN_PAGE)
                        .loginProcessingUrl(LOGIN_PAGE)
                        .failureUrl(LOGIN_PAGE + "?error")
                        .successHandler(backToAuthorization))
                .userDetailsService(users(properties));
        shareIssuerSession(http);
        return http.build();
    }

    /** The UI's registration at the embedded issuer, resolved on use: the issuer's address is known once started. */
    @Bean
    ClientRegistrationRepository embeddedIssuerRegistration(IssuerUri issuer) {
        return registrationId -> UiSecurityConfiguration.REGISTRATION_ID.equals(registrationId)
                ? ClientRegistration.withRegistrationId(UiSecurityConfiguration.REGISTRATION_ID)
                        .clientId(BROWSER_CLIENT_ID)
                        .clientSecret(BROWSER_CLIENT_ID + "-secret")
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                        .issuerUri(issuer.get())
                        .authorizationUri(issuer.get() + "/oauth2/authorize")
                        .tokenUri(issuer.get() + "/oauth2/token")
                        .jwkSetUri(issuer.get() + "/oauth2/jwks")
                        .userNameAttributeName("sub")
                        .clientName("Attest embedded issuer")
                        .build()
                : null;
    }

    /** The issuer's own session attributes, and its login page for browsers that must sign in first. */
    static void shareIssuerSession(HttpSecurity http) {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(CONTEXT_KEY);
        http.securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(requestCache()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    }

    /**
     * The UI's client: authorization code, OpenID Connect. Its redirect URI is on the loopback address, where the
     * issuer accepts any port (RFC 8252); open the UI at {@code http://127.0.0.1:<port>/ui/reviews}.
     */
    static RegisteredClient browserClient(TokenSettings tokens) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(BROWSER_CLIENT_ID.getBytes(StandardCharsets.UTF_8))
                        .toString())
                .clientId(BROWSER_CLIENT_ID)
                .clientSecret(ENCODER.encode(BROWSER_CLIENT_ID + "-secret"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1:8080/login/oauth2/code/" + UiSecurityConfiguration.REGISTRATION_ID)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens)
                .build();
    }

    static boolean isIdToken(JwtEncodingContext context) {
        return OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    }

    /** ID tokens name the configured issuer and carry the user's roles, as a production provider is set up to. */
    static void addRoles(JwtEncodingContext context, String issuer) {
        List<String> roles = context.getPrincipal().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && !authority.startsWith("FACTOR_"))
                .toList();
        context.getClaims().issuer(issuer).claim("roles", roles);
    }

    private static HttpSessionRequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setSessionAttrName(SAVED_REQUEST_KEY);
        return cache;
    }

    private static InMemoryUserDetailsManager users(SecurityProperties properties) {
        List<UserDetails> users = properties.embeddedIssuer().users().entrySet().stream()
                .map(user -> User.withUsername(user.getKey())
                        .password(ENCODER.encode(user.getKey() + "-password"))
                        .authorities(Arrays.stream(user.getValue().trim().split("\\s+"))
                                .filter(role -> !role.isEmpty())
                                .toArray(String[]::new))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
