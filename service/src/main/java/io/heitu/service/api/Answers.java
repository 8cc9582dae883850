package io.heitu.service.api;

import io.heitu.service.ledger.Receipt;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Responses carrying the chaincode's JSON as it is (no second serialisation), with the transaction
 * and block that committed it. A recording the ledger already held answers 200 instead of 201.
 */
public final class Answers {

    private Answers() {}

    public static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    public static ResponseEntity<String> committed(Receipt<?> committed) {
        return committed(committed, null);
    }

    /** A batch: 201 when at least one of its recordings was new, 200 when the ledger held them all. */
    public static ResponseEntity<String> batch(Receipt<?> committed) {
        boolean anyNew = !committed.duplicate();
        return ResponseEntity.status(anyNew ? HttpStatus.CREATED : HttpStatus.OK)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Transaction-Id", committed.txId())
                .header("X-Block-Number", Long.toString(committed.blockNumber()))
                .body(committed.json());
    }

    public static ResponseEntity<String> committed(Receipt<?> committed, String location) {
        boolean duplicate = committed.duplicate();
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(duplicate ? HttpStatus.OK : HttpStatus.CREATED)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Transaction-Id", committed.txId())
                .header("X-Block-Number", Long.toString(committed.blockNumber()));
        if (location != null && !duplicate) {
            builder.location(URI.create(location));
        }
        return builder.body(committed.json());
    }
}
