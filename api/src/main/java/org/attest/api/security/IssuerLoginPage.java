package org.attest.api.security;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The embedded issuer's sign-in page (local profile); the form posts to the issuer's login chain. */
@Controller
@Profile("local")
class IssuerLoginPage {

    @GetMapping(EmbeddedIssuerBrowserLogin.LOGIN_PAGE)
    String login() {
        return "issuer/login";
    }
}
