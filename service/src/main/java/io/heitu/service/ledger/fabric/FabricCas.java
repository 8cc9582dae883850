package io.heitu.service.ledger.fabric;

import io.heitu.identity.Pem;
import io.heitu.service.membership.IdentitySeed;
import io.heitu.service.membership.Membership;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Adopts each member organisation's CA from the network (cryptogen's {@code ca/}), so the users the
 * service enrols get certificates the channel's MSPs trust. The CA keys are then held encrypted
 * like every other key. Runs first among the identity seeds, so the demo users are enrolled by the
 * network's CAs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "heitu.ledger.mode", havingValue = "fabric")
class FabricCas implements IdentitySeed {

    private final Membership membership;
    private final FabricProfile profile;

    FabricCas(Membership membership, FabricProfile profile) {
        this.membership = membership;
        this.profile = profile;
    }

    @Override
    public void seed() {
        for (FabricProfile.Org org : profile.orgs()) {
            try {
                membership.importCa(
                        org.mspId(),
                        org.mspId().replace("MSP", ""),
                        Pem.certificate(Files.readString(Path.of(org.caCert()))),
                        Pem.privateKey(Files.readString(Path.of(org.caKey()))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the CA of " + org.mspId(), e);
            }
        }
    }
}
