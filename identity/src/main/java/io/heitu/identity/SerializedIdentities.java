package io.heitu.identity;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/** Fabric's creator encoding: an MSP ID and the PEM certificate in a protobuf message. */
public final class SerializedIdentities {

    private SerializedIdentities() {}

    public static byte[] of(String mspId, X509Certificate certificate) {
        return SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(ByteString.copyFrom(Pem.encode(certificate), StandardCharsets.UTF_8))
                .build()
                .toByteArray();
    }

    /** The MSP ID and certificate of a serialized identity; rejects anything else. */
    public static Parsed parse(byte[] serialized) {
        try {
            SerializedIdentity identity = SerializedIdentity.parseFrom(serialized);
            return new Parsed(
                    identity.getMspid(), Pem.certificate(identity.getIdBytes().toStringUtf8()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a serialized identity", e);
        }
    }

    /** A decoded creator. */
    public record Parsed(String mspId, X509Certificate certificate) {}
}
