package io.heitu.service.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Evidence files on local disk, {@code <dir>/ab/abcdef…} (two-letter fan-out keeps directories
 * small). A file is written to a temporary name, forced to disk and renamed, so a crash never
 * leaves a half-written file under a hash.
 */
final class LocalEvidenceStore implements EvidenceStore {

    private final Path dir;

    LocalEvidenceStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public String put(byte[] bytes, String mediaType) {
        String sha256 = Sha256.of(bytes);
        Path file = path(sha256);
        if (Files.exists(file)) {
            return sha256;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), sha256, ".part");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep evidence file " + sha256, e);
        }
        return sha256;
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        if (!Sha256.valid(sha256)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(path(sha256)));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read evidence file " + sha256, e);
        }
    }

    @Override
    public String kind() {
        return "local";
    }

    Path path(String sha256) {
        return dir.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
