package io.heitu.ledger.embedded.blocks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The append-only file of blocks, the ledger's source of truth. Each record is
 * {@code [int length][int CRC32C of payload][payload]}; {@link #append} returns only after the
 * record is forced to disk, which is what lets the ledger acknowledge a transaction. A crash can only
 * leave a torn last record (a prefix of it), which recovery truncates; a complete record whose
 * checksum fails was damaged after it was written, and is reported, never dropped.
 */
public final class BlockFile implements AutoCloseable {

    public static final int RECORD_HEADER = 8;

    private final Path path;
    private final FileChannel channel;
    private volatile long size;

    private BlockFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.size = channel.size();
    }

    public static BlockFile open(Path file) throws IOException {
        boolean created = Files.notExists(file);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (created) {
            channel.force(true);
            forceDirectory(file.toAbsolutePath().getParent());
        }
        return new BlockFile(file, channel);
    }

    public long size() {
        return size;
    }

    /** Appends one record and forces it to disk; returns the record's offset. Single writer only. */
    public long append(byte[] payload) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER + payload.length)
                .putInt(payload.length)
                .putInt((int) crc.getValue())
                .put(payload)
                .flip();
        long offset = size;
        long position = offset;
        while (record.hasRemaining()) {
            position += channel.write(record, position);
        }
        // fdatasync: data plus the new file length, which is all a reader needs after a crash.
        channel.force(false);
        size = position;
        return offset;
    }

    /** Reads the record at {@code offset}; for the appending thread (recovery) only. */
    public Record read(long offset) throws IOException {
        return read(channel, offset, size);
    }

    /**
     * A reader with its own file handle. Interrupting a thread blocked on a {@link FileChannel}
     * closes the channel, so threads other than the appender never touch the appender's channel.
     */
    public Reader reader() throws IOException {
        return new Reader(FileChannel.open(path, StandardOpenOption.READ));
    }

    private static Record read(FileChannel channel, long offset, long size) throws IOException {
        long available = size - offset;
        if (available < RECORD_HEADER) {
            return Record.torn(offset);
        }
        ByteBuffer header = readFully(channel, offset, RECORD_HEADER);
        int length = header.getInt();
        int checksum = header.getInt();
        if (length <= 0 || length > available - RECORD_HEADER) {
            return Record.torn(offset);
        }
        byte[] payload = readFully(channel, offset + RECORD_HEADER, length).array();
        CRC32C crc = new CRC32C();
        crc.update(payload);
        if ((int) crc.getValue() != checksum) {
            return new Record(offset, payload, Record.Kind.CORRUPT);
        }
        return new Record(offset, payload, Record.Kind.OK);
    }

    /** Drops a torn tail left by a crash. */
    public void truncate(long newSize) throws IOException {
        channel.truncate(newSize);
        channel.force(true);
        size = newSize;
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("block file ends inside a record at " + position);
            }
        }
        return buffer.flip();
    }

    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Reads records up to the length the appender has made durable. */
    public final class Reader implements AutoCloseable {

        private final FileChannel readChannel;

        private Reader(FileChannel readChannel) {
            this.readChannel = readChannel;
        }

        public Record read(long offset) throws IOException {
            return BlockFile.read(readChannel, offset, size);
        }

        @Override
        public void close() throws IOException {
            readChannel.close();
        }
    }

    /** A record read back: complete and intact, damaged, or a torn tail. */
    public record Record(long offset, byte[] payload, Kind kind) {

        public enum Kind {
            OK,
            CORRUPT,
            TORN
        }

        static Record torn(long offset) {
            return new Record(offset, new byte[0], Kind.TORN);
        }

        public long end() {
            return offset + RECORD_HEADER + payload.length;
        }
    }
}
