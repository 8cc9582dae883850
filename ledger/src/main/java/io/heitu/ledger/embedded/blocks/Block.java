package io.heitu.ledger.embedded.blocks;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A block: its header and its data, which is either a channel configuration (block 0, and any later
 * change of trusted CAs) or a list of transactions, never both.
 *
 * <p>Encoding: header (fixed width) followed by the data: a kind byte, then the length-prefixed
 * config or a count and per transaction its validation code and four length-prefixed byte fields.
 * The data hash is SHA-256 of exactly these data bytes.
 */
public record Block(BlockHeader header, ChannelConfig config, List<StoredTx> transactions) {

    private static final byte CONFIG = 1;
    private static final byte TRANSACTIONS = 2;

    public Block {
        transactions = List.copyOf(transactions);
    }

    public byte[] encode() {
        return encode(header, encodeData(config, transactions));
    }

    public static byte[] encode(BlockHeader header, byte[] data) {
        return ByteBuffer.allocate(BlockHeader.ENCODED_LENGTH + data.length)
                .put(header.encode())
                .put(data)
                .array();
    }

    /** The data part of an encoded block, which {@link BlockHeader#dataHash()} must match. */
    public static ByteBuffer dataOf(byte[] encoded) {
        return ByteBuffer.wrap(encoded, BlockHeader.ENCODED_LENGTH, encoded.length - BlockHeader.ENCODED_LENGTH);
    }

    public static Block decode(byte[] encoded) throws IOException {
        try {
            ByteBuffer in = ByteBuffer.wrap(encoded);
            BlockHeader header = BlockHeader.decode(in);
            byte kind = in.get();
            ChannelConfig config = null;
            List<StoredTx> txs = new ArrayList<>();
            if (kind == CONFIG) {
                config = ChannelConfig.decode(bytes(in));
            } else if (kind == TRANSACTIONS) {
                int count = in.getInt();
                for (int i = 0; i < count; i++) {
                    txs.add(new StoredTx(in.getInt(), bytes(in), bytes(in), bytes(in), bytes(in)));
                }
            } else {
                throw new IOException("unknown block kind " + kind);
            }
            if (in.hasRemaining()) {
                throw new IOException("trailing bytes after block data");
            }
            return new Block(header, config, txs);
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new IOException("malformed block", e);
        }
    }

    public static byte[] encodeData(ChannelConfig config, List<StoredTx> txs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 2048 * txs.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (config != null) {
                if (!txs.isEmpty()) {
                    throw new IllegalArgumentException("a config block holds no transactions");
                }
                out.writeByte(CONFIG);
                writeBytes(out, config.encode());
            } else {
                out.writeByte(TRANSACTIONS);
                out.writeInt(txs.size());
                for (StoredTx tx : txs) {
                    out.writeInt(tx.validationCode());
                    writeBytes(out, tx.signedProposal());
                    writeBytes(out, tx.rwSet());
                    writeBytes(out, tx.response());
                    writeBytes(out, tx.event());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("field length " + length + " exceeds the block");
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }
}
