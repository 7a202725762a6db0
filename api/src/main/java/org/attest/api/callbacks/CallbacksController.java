package org.attest.api.callbacks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.attest.api.security.Caller;
import org.attest.api.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/callbacks}: the calling client's decision callback. Registering returns the signing secret once; the
 * notifications carry only the summary id and status.
 */
@RestController
@RequestMapping(path = "/v1/callbacks", produces = MediaType.APPLICATION_JSON_VALUE)
class CallbacksController {

    private final CallbackRegistrations registrations;

    CallbacksController(CallbackRegistrations registrations) {
        this.registrations = registrations;
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Registered register(@Valid @RequestBody Registration body, @AuthenticationPrincipal Jwt token) {
        String secret = registrations.register(Caller.of(token).clientId(), body.url());
        return new Registered(body.url(), secret, CallbackSignature.HEADER);
    }

    @GetMapping
    Registration read(@AuthenticationPrincipal Jwt token) {
        return registrations
                .find(Caller.of(token).clientId())
                .map(found -> new Registration(found.url()))
                .orElseThrow(NotFoundException::new);
    }

    @DeleteMapping
    ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt token) {
        if (!registrations.remove(Caller.of(token).clientId())) {
            throw new NotFoundException();
        }
        return ResponseEntity.noContent().build();
    }

    /** A callback URL: http(s) only, to a host on the public internet ({@link CallbackTargets}). */
    record Registration(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+") @PublicCallbackTarget
            String url) {}

    /** The registration, with the secret that signs its notifications (shown only now). */
    record Registered(String url, String signingSecret, String signatureHeader) {}
}
