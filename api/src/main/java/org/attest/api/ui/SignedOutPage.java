package org.attest.api.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where the browser lands after signing out. */
@Controller
class SignedOutPage {

    @GetMapping("/ui/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
