package io.heitu.service.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEvidenceStoreTest {

    @TempDir
    Path dir;

    @Test
    void keeps_bytes_under_their_hash_once_and_reads_them_back() throws Exception {
        LocalEvidenceStore store = new LocalEvidenceStore(dir);
        byte[] bytes = "a field photo".getBytes(StandardCharsets.UTF_8);

        String sha256 = store.put(bytes, "image/jpeg");

        assertThat(sha256).isEqualTo(Sha256.of(bytes)).hasSize(64);
        assertThat(store.put(bytes, "image/jpeg")).isEqualTo(sha256);
        assertThat(store.get(sha256))
                .hasValueSatisfying(read -> assertThat(read).isEqualTo(bytes));
        assertThat(Files.list(dir.resolve(sha256.substring(0, 2)))).hasSize(1);
        assertThat(store.get("0".repeat(64))).isEmpty();
    }

    @Test
    void a_name_that_is_no_hash_never_reaches_the_file_system() {
        LocalEvidenceStore store = new LocalEvidenceStore(dir);

        assertThat(store.get("../../etc/passwd")).isEmpty();
        assertThat(store.get("AB".repeat(32))).isEmpty();
        assertThat(store.get(null)).isEmpty();
    }
}
