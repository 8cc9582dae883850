package io.heitu.ledger.embedded.state;

import io.heitu.ledger.embedded.blocks.BlockLocation;
import io.heitu.ledger.embedded.blocks.TxEffect;
import io.heitu.ledger.sim.KeyMod;
import io.heitu.ledger.sim.Version;
import io.heitu.ledger.sim.Write;
import java.util.List;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * What applying one block writes to the state store: an index entry per transaction, state and
 * history for each write of a valid one, the block's location and the savepoint. Every key and
 * value is a function of the block alone, so replaying a block after a crash changes nothing.
 */
final class BlockWrites {

    private BlockWrites() {}

    static WriteBatch batch(BlockLocation location, boolean config, List<TxEffect> effects) throws RocksDBException {
        WriteBatch batch = new WriteBatch();
        try {
            for (int i = 0; i < effects.size(); i++) {
                TxEffect effect = effects.get(i);
                batch.put(
                        StoreKeys.tx(effect.txId()),
                        StoreValues.tx(new TxIndexEntry(location.number(), i, effect.validationCode())));
                if (effect.validationCode() == TxValidationCode.VALID_VALUE) {
                    putWrites(batch, effect, new Version(location.number(), i));
                }
            }
            batch.put(StoreKeys.block(location.number()), StoreValues.block(location));
            if (config) {
                batch.put(StoreKeys.LAST_CONFIG, StoreValues.number(location.number()));
            }
            batch.put(StoreKeys.SAVEPOINT, StoreValues.number(location.number()));
            return batch;
        } catch (RocksDBException | RuntimeException e) {
            batch.close();
            throw e;
        }
    }

    private static void putWrites(WriteBatch batch, TxEffect effect, Version version) throws RocksDBException {
        for (Write write : effect.writes()) {
            if (write.isDelete()) {
                batch.delete(StoreKeys.state(write.key()));
            } else {
                batch.put(StoreKeys.state(write.key()), StoreValues.state(version, write.value()));
            }
            KeyMod mod = new KeyMod(effect.txId(), write.value(), effect.timestamp(), write.isDelete());
            batch.put(StoreKeys.history(write.key(), version), StoreValues.history(mod));
        }
    }
}
