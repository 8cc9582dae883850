package io.heitu.service.epcis.subscription;

import io.heitu.service.epcis.EpcisSettings;
import io.heitu.service.problem.ApiException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may post: any public address, never this machine or a private network (the
 * cloud's metadata service, the database, an admin console behind the firewall) unless the host
 * is listed in {@code heitu.epcis.webhook-private-hosts}. Checked when a subscription is made and
 * again before every delivery, since a name can be pointed elsewhere after it was checked; the
 * client follows no redirects.
 */
@Component
public class WebhookDestinations {

    private final Set<String> allowed;

    WebhookDestinations(EpcisSettings settings) {
        List<String> hosts = settings.webhookPrivateHosts() == null ? List.of() : settings.webhookPrivateHosts();
        this.allowed = hosts.stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @throws ApiException EPCIS_INVALID_SUBSCRIPTION when {@code dest} may not be posted to */
    void require(String dest) {
        String refusal = refusal(dest);
        if (refusal != null) {
            throw new ApiException("EPCIS_INVALID_SUBSCRIPTION", refusal);
        }
    }

    /** Why {@code dest} may not be posted to, or null when it may. */
    String refusal(String dest) {
        String host;
        try {
            host = new URI(dest).getHost();
        } catch (URISyntaxException e) {
            return "dest is the subscriber's http or https URL";
        }
        if (host == null) {
            return "dest is the subscriber's http or https URL";
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowed.contains(bare.toLowerCase(Locale.ROOT))) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return "dest's host " + host + " does not resolve";
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return "dest's host " + host + " is a loopback, private or link-local address, which webhooks may"
                        + " not reach unless configured (heitu.epcis.webhook-private-hosts)";
            }
        }
        return null;
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = raw[0] & 0xff;
            int second = raw[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            return (raw[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
