package io.heitu.identity;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;

/**
 * Fabric CA's attribute extension: OID 1.2.3.4.5.6.7.8.1 whose value is the raw UTF-8 JSON
 * {@code {"attrs":{"role":"…"}}}. The chaincode reads it with {@code ClientIdentity.getAttributeValue}.
 */
public final class RoleAttribute {

    public static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");

    private static final Pattern ROLE = Pattern.compile("\"role\"\\s*:\\s*\"([a-z_]{1,32})\"");

    private RoleAttribute() {}

    /** The role a certificate states, or an empty string when it states none. */
    public static String of(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(OID.getId());
        if (extension == null) {
            return "";
        }
        String value = new String(ASN1OctetString.getInstance(extension).getOctets(), StandardCharsets.UTF_8);
        Matcher role = ROLE.matcher(value);
        return role.find() ? role.group(1) : "";
    }

    /** The extension value; roles are plain lowercase words, so no JSON escaping is needed. */
    public static byte[] extensionValue(String role) {
        if (!role.matches("[a-z_]{1,32}")) {
            throw new IllegalArgumentException("role must be a lowercase word");
        }
        return ("{\"attrs\":{\"role\":\"" + role + "\"}}").getBytes(StandardCharsets.UTF_8);
    }
}
