package io.heitu.service.qr;

import java.util.List;

/** The key set as published under {@code /.well-known/}: {@code {"keys":[…]}}, sorted by kid. */
public record Jwks(List<Jwk> keys) {

    public Jwks {
        keys = List.copyOf(keys);
    }
}
