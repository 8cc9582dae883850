package io.heitu.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The storage floor: the same store (RocksDB) doing equally durable writes — each acknowledged
 * only after an fsync'ed batch — with the same group commit, and nothing else: no HTTP, no
 * signatures, no chaincode.
 */
final class StorageFloor implements AutoCloseable {

    private record Write(byte[] key, byte[] value, CompletableFuture<Void> durable) {}

    private final RocksDB db;
    private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean running = true;

    StorageFloor(Path dir) throws Exception {
        RocksDB.loadLibrary();
        Options options = new Options().setCreateIfMissing(true);
        db = RocksDB.open(options, dir.toString());
        committer = new Thread(this::commitLoop, "storage-floor-committer");
        committer.start();
    }

    void put(byte[] key, byte[] value) throws Exception {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        queue.put(new Write(key, value, durable));
        durable.get();
    }

    private void commitLoop() {
        try (WriteOptions sync = new WriteOptions().setSync(true)) {
            List<Write> batch = new ArrayList<>();
            while (running || !queue.isEmpty()) {
                Write first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 499);
                try (WriteBatch writes = new WriteBatch()) {
                    for (Write write : batch) {
                        writes.put(write.key(), write.value());
                    }
                    db.write(sync, writes);
                }
                batch.forEach(write -> write.durable().complete(null));
                batch.clear();
            }
        } catch (Exception e) {
            queue.forEach(write -> write.durable().completeExceptionally(e));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        committer.join();
        db.close();
    }
}
