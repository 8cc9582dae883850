package io.heitu.service.qr;

import io.heitu.service.qr.QrException.Error;
import java.net.URI;

/**
 * A Digital Link with the signature it carries: what a QR code holds and a scan yields.
 *
 * @param signature {@code null} when the scanned URI had none
 */
public record SignedLink(DigitalLink link, CodeSignature signature) {

    public SignedLink {
        if (link == null) {
            throw new QrException(Error.INVALID_ARGUMENT, "a signed link needs a Digital Link");
        }
    }

    /**
     * Reads a scanned URI. Query parameters other than {@code s} are ignored: they are not signed,
     * so they must never change what the code says.
     *
     * @throws QrException {@code INVALID_DIGITAL_LINK} for a bad path or signature, or a second
     *     {@code s}; the GS1 codes for a bad GTIN, lot or serial
     */
    public static SignedLink parse(String uri) {
        DigitalLink link = DigitalLink.parse(uri);
        String query = URI.create(uri).getRawQuery();
        CodeSignature signature = null;
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                if (!CodeSignature.PARAM.equals(name)) {
                    continue;
                }
                if (signature != null || equals < 0) {
                    throw new QrException(Error.INVALID_DIGITAL_LINK, "a code carries one signature parameter");
                }
                signature = CodeSignature.parse(pair.substring(equals + 1));
            }
        }
        return new SignedLink(link, signature);
    }

    /** {@code https://{host}{path}?s={keyId}.{signature}}; the signature is left off if there is none. */
    public String toUri(String host) {
        String uri = link.toUri(host);
        return signature == null ? uri : uri + "?" + CodeSignature.PARAM + "=" + signature.toParam();
    }
}
