package org.attest.api.callbacks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which URLs a decision callback may be sent to. A callback is a request the server makes on a client's behalf, so an
 * unscreened URL would let any API client reach what only the server can (cloud metadata at 169.254.169.254, the
 * database, the admin port): every address the host resolves to must be public, at registration and again before
 * each delivery (the name may resolve elsewhere by then). Private, loopback, link-local, multicast and carrier-grade
 * NAT ranges are refused unless {@code attest.callbacks.allow-private-targets} is set, for a receiver inside a
 * trusted network (and the tests).
 */
@Component
class CallbackTargets {

    private final boolean allowPrivate;

    @Autowired
    CallbackTargets(CallbackProperties properties) {
        this(properties.allowPrivateTargets());
    }

    CallbackTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL may not receive callbacks, or empty when it may; the reason names no address. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("the URL is not valid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs can receive callbacks");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("the URL needs a host and no user information");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the URL's host does not resolve");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("the URL's host resolves to a private, loopback or link-local address");
            }
        }
        return Optional.empty();
    }

    /** True for an address on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0.0.0.0/8 "this network", 100.64.0.0/10 carrier-grade NAT, 198.18.0.0/15 benchmarking, 240/4 reserved
            return first != 0
                    && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 198 && (second == 18 || second == 19))
                    && first < 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:a.b.c.d is judged as the IPv4 address it maps
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;
            }
            if (isMappedIpv4(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
