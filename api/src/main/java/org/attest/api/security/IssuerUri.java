package org.attest.api.security;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The issuer that tokens must name. Configured outright in production; in the local profile it is the embedded
 * issuer's own address, known once the web server has its port.
 */
public final class IssuerUri implements Supplier<String> {

    private final AtomicReference<String> value;

    public IssuerUri(String initial) {
        this.value = new AtomicReference<>(initial);
    }

    @Override
    public String get() {
        return value.get();
    }

    void set(String uri) {
        value.set(uri);
    }
}
