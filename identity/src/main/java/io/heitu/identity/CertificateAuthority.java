package io.heitu.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An organisation's certificate authority: EC P-256 keys, X.509 certificates, and the Fabric CA
 * role attribute in each user certificate, so that chaincode sees the same roles whether it runs on
 * a peer or in the embedded ledger.
 */
public final class CertificateAuthority {

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration USER_VALIDITY = Duration.ofDays(825);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String mspId;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    public CertificateAuthority(String mspId, X509Certificate certificate, PrivateKey privateKey) {
        this.mspId = mspId;
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** A new self-signed CA for an organisation. */
    public static CertificateAuthority create(String mspId, String organisation) {
        try {
            KeyPair keys = newKeyPair();
            X500Name subject = name("ca." + organisation, organisation, null);
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    serial(),
                    Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(CA_VALIDITY)),
                    subject,
                    keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, keys.getPrivate());
            return new CertificateAuthority(mspId, certificate, keys.getPrivate());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot create CA for " + mspId, e);
        }
    }

    /** Issues a client certificate carrying {@code role} (none when null) to a new key pair. */
    public Enrollment enroll(String userName, String role) {
        try {
            KeyPair keys = newKeyPair();
            return new Enrollment(mspId, issue(userName, role, keys), keys.getPrivate());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot enroll " + userName, e);
        }
    }

    private X509Certificate issue(String userName, String role, KeyPair keys)
            throws GeneralSecurityException, java.io.IOException {
        Instant now = Instant.now();
        X500Name issuer =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String organisation = organisationOf(issuer);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                serial(),
                Date.from(now.minusSeconds(60)),
                Date.from(now.plus(USER_VALIDITY)),
                name(userName, organisation, "client"),
                keys.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
        if (role != null) {
            builder.addExtension(RoleAttribute.OID, false, RoleAttribute.extensionValue(role));
        }
        return sign(builder, privateKey);
    }

    public String mspId() {
        return mspId;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA's signing key; callers must keep it encrypted at rest. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    private static String organisationOf(X500Name name) {
        var rdns = name.getRDNs(BCStyle.O);
        return rdns.length == 0 ? "" : rdns[0].getFirst().getValue().toString();
    }

    private static X500Name name(String commonName, String organisation, String organisationalUnit) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN");
        builder.addRDN(BCStyle.ST, "Jilin");
        if (!organisation.isEmpty()) {
            builder.addRDN(BCStyle.O, organisation);
        }
        if (organisationalUnit != null) {
            builder.addRDN(BCStyle.OU, organisationalUnit);
        }
        return builder.addRDN(BCStyle.CN, commonName).build();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer);
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(128, RANDOM);
    }
}
