package io.heitu.ledger.embedded;

import io.heitu.identity.CertificateAuthority;
import io.heitu.identity.Enrollment;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A user certificate that the CA really issued, but whose validity ended yesterday. */
final class ExpiredCertificates {

    private ExpiredCertificates() {}

    static Enrollment enroll(CertificateAuthority ca, String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(
                            ca.certificate().getSubjectX500Principal().getEncoded()),
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(30))),
                    Date.from(now.minus(Duration.ofDays(1))),
                    new X500Name("CN=" + name + ",OU=client"),
                    keys.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(ca.privateKey());
            var certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new Enrollment(ca.mspId(), certificate, keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
