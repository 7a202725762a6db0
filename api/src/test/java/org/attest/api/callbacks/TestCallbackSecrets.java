package org.attest.api.callbacks;

import org.springframework.context.ApplicationContext;

/** The application's callback secret sealing, for tests in other packages. */
public final class TestCallbackSecrets {

    private TestCallbackSecrets() {}

    /** Reseals every stored secret not sealed under the current key; returns how many. */
    public static int resealAll(ApplicationContext context) {
        return context.getBean(CallbackRegistrations.class).resealAll();
    }

    /** The secret a stored value holds for the client. */
    public static String open(ApplicationContext context, String clientId, String stored) {
        return context.getBean(CallbackSecrets.class).open(clientId, stored);
    }
}
