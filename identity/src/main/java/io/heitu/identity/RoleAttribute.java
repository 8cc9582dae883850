package io.heitu.identity;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * Fabric CA's attribute extension: OID 1.2.3.4.5.6.7.8.1 whose value is the raw UTF-8 JSON
 * {@code {"attrs":{"role":"…"}}}. The chaincode reads it with {@code ClientIdentity.getAttributeValue}.
 */
public final class RoleAttribute {

    public static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");

    private RoleAttribute() {}

    /** The extension value; roles are plain lowercase words, so no JSON escaping is needed. */
    public static byte[] extensionValue(String role) {
        if (!role.matches("[a-z_]{1,32}")) {
            throw new IllegalArgumentException("role must be a lowercase word");
        }
        return ("{\"attrs\":{\"role\":\"" + role + "\"}}").getBytes(StandardCharsets.UTF_8);
    }
}
