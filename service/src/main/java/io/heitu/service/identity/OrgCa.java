package io.heitu.service.identity;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An organisation's CA as stored: certificate in PEM, private key encrypted by the {@link KeyVault}. */
@Table("ORG_CA")
record OrgCa(
        @Id String mspId,
        String name,
        String certPem,
        String keyEnc,
        Instant createdAt,
        @Version Long version) {}
