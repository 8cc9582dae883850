package io.heitu.service.identity;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A personal bearer token; only its SHA-256 is stored. */
@Table("API_TOKEN")
record ApiToken(@Id Long id, Long userId, String name, String tokenHash, Instant createdAt, boolean revoked) {}
