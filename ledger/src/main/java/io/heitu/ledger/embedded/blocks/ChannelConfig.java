package io.heitu.ledger.embedded.blocks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The channel's configuration as recorded in a config block, like Fabric's config block: which
 * channel and chaincode the ledger serves and which CAs each MSP trusts. Kept on the ledger so that
 * {@code verify} can check every creator without being told the CAs, and so that a change of
 * trusted CAs is itself part of the hash chain.
 */
public record ChannelConfig(String channel, String chaincodeName, SortedMap<String, List<X509Certificate>> msps) {

    public ChannelConfig {
        TreeMap<String, List<X509Certificate>> copy = new TreeMap<>();
        msps.forEach((msp, certs) -> copy.put(msp, List.copyOf(certs)));
        msps = Collections.unmodifiableSortedMap(copy);
    }

    /** Canonical bytes: MSPs in MSP id order, certificates in DER, in the order configured. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(channel);
            out.writeUTF(chaincodeName);
            out.writeInt(msps.size());
            for (Map.Entry<String, List<X509Certificate>> msp : msps.entrySet()) {
                out.writeUTF(msp.getKey());
                out.writeInt(msp.getValue().size());
                for (X509Certificate certificate : msp.getValue()) {
                    byte[] der = certificate.getEncoded();
                    out.writeInt(der.length);
                    out.write(der);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("unencodable CA certificate", e);
        }
        return bytes.toByteArray();
    }

    static ChannelConfig decode(byte[] encoded) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            String channel = in.readUTF();
            String chaincode = in.readUTF();
            SortedMap<String, List<X509Certificate>> msps = new TreeMap<>();
            int mspCount = in.readInt();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (int i = 0; i < mspCount; i++) {
                String mspId = in.readUTF();
                int certCount = in.readInt();
                List<X509Certificate> certs = new ArrayList<>();
                for (int j = 0; j < certCount; j++) {
                    byte[] der = in.readNBytes(in.readInt());
                    certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                }
                msps.put(mspId, certs);
            }
            if (in.available() > 0) {
                throw new IOException("trailing bytes after channel config");
            }
            return new ChannelConfig(channel, chaincode, msps);
        } catch (CertificateException e) {
            throw new IOException("bad CA certificate in channel config", e);
        }
    }
}
