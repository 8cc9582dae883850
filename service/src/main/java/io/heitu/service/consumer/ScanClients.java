package io.heitu.service.consumer;

import io.heitu.service.identity.KeyVault;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Tags the client of a scan. The address is the container's {@code remoteAddr}: the TCP peer, or
 * the client a trusted proxy names in {@code X-Forwarded-For} ({@code
 * server.tomcat.remoteip.internal-proxies}); anyone else's header is ignored, so a script cannot
 * pose as many clients by writing the header itself.
 *
 * <p>A place is the client's network: the IPv4 /24 or the IPv6 /48. That is coarser than a phone
 * and finer than a city; without a geolocation database it is the honest unit, and a copied code
 * scanned in shops across the province shows many of them while a shopper's household shows one.
 */
@Component
public class ScanClients {

    private final Macs macs;

    ScanClients(KeyVault vault) {
        this.macs = new Macs(vault.derive("consumer/scan-clients"));
    }

    public ScanClient of(HttpServletRequest request) {
        return of(request.getRemoteAddr());
    }

    ScanClient of(String address) {
        byte[] raw = parse(address);
        if (raw == null) {
            return new ScanClient(tag("client:" + address), tag("place:" + address));
        }
        byte[] network = Arrays.copyOf(raw, raw.length == 4 ? 3 : 6);
        HexFormat hex = HexFormat.of();
        return new ScanClient(tag("client:" + hex.formatHex(raw)), tag("place:" + hex.formatHex(network)));
    }

    /** The address's bytes, never a name lookup; null for anything that is no literal address. */
    private static byte[] parse(String address) {
        if (address == null
                || address.isEmpty()
                || !(address.indexOf(':') >= 0 || Character.isDigit(address.charAt(0)))) {
            return null;
        }
        try {
            // A literal (digits, dots, colons) is parsed without asking DNS.
            return address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '%')
                    ? InetAddress.getByName(address).getAddress()
                    : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private long tag(String message) {
        return ByteBuffer.wrap(macs.tag(message, 8)).getLong();
    }
}
