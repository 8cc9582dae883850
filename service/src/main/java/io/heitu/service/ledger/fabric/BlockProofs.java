package io.heitu.service.ledger.fabric;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;

/** Fabric's block hashes: SHA-256 of the ASN.1 header, and of the concatenated data for the data hash. */
final class BlockProofs {

    private BlockProofs() {}

    static byte[] headerHash(BlockHeader header) {
        ASN1EncodableVector fields = new ASN1EncodableVector();
        fields.add(new ASN1Integer(BigInteger.valueOf(header.getNumber())));
        fields.add(new DEROctetString(header.getPreviousHash().toByteArray()));
        fields.add(new DEROctetString(header.getDataHash().toByteArray()));
        try {
            return sha256(new DERSequence(fields).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] dataHash(Block block) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        block.getData().getDataList().forEach(data -> all.writeBytes(data.toByteArray()));
        return sha256(all.toByteArray());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
