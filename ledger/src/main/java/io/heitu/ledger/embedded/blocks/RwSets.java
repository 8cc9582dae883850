package io.heitu.ledger.embedded.blocks;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.heitu.ledger.sim.RangeRead;
import io.heitu.ledger.sim.ReadWriteSet;
import io.heitu.ledger.sim.Version;
import io.heitu.ledger.sim.Write;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReads;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;

/**
 * Read/write sets in Fabric's own {@code KVRWSet} message, as a peer records them in a block. The
 * simulator produces reads in read order and writes in key order, so the bytes are deterministic.
 */
public final class RwSets {

    private RwSets() {}

    public static byte[] encode(ReadWriteSet rwSet) {
        KVRWSet.Builder out = KVRWSet.newBuilder();
        for (Map.Entry<String, Version> read : rwSet.reads().entrySet()) {
            out.addReads(read(read.getKey(), read.getValue()));
        }
        for (RangeRead range : rwSet.rangeReads()) {
            QueryReads.Builder seen = QueryReads.newBuilder();
            range.seen().forEach(kv -> seen.addKvReads(read(kv.key(), kv.version())));
            out.addRangeQueriesInfo(RangeQueryInfo.newBuilder()
                    .setStartKey(range.startKey())
                    .setEndKey(range.endKey())
                    .setItrExhausted(range.exhausted())
                    .setRawReads(seen));
        }
        for (Write write : rwSet.writes()) {
            KVWrite.Builder kv = KVWrite.newBuilder().setKey(write.key()).setIsDelete(write.isDelete());
            if (!write.isDelete()) {
                kv.setValue(ByteString.copyFrom(write.value()));
            }
            out.addWrites(kv);
        }
        return out.build().toByteArray();
    }

    /** The writes of a stored read/write set, in the order they were recorded. */
    public static List<Write> writes(byte[] encoded) {
        try {
            return KVRWSet.parseFrom(encoded).getWritesList().stream()
                    .map(kv -> new Write(
                            kv.getKey(), kv.getIsDelete() ? null : kv.getValue().toByteArray()))
                    .toList();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("stored read/write set is not a KVRWSet", e);
        }
    }

    private static KVRead read(String key, Version version) {
        KVRead.Builder read = KVRead.newBuilder().setKey(key);
        if (version != null) {
            read.setVersion(org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version.newBuilder()
                    .setBlockNum(version.blockNumber())
                    .setTxNum(version.txNumber()));
        }
        return read.build();
    }
}
