package io.heitu.service.ledger.fabric;

import io.heitu.identity.Pem;
import io.heitu.service.identity.Identities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Adopts each member organisation's CA from the network (cryptogen's {@code ca/}), so the users the
 * service enrols get certificates the channel's MSPs trust. The CA keys are then held encrypted
 * like every other key.
 */
final class FabricCas {

    private FabricCas() {}

    static void importInto(Identities identities, FabricProfile profile) {
        for (FabricProfile.Org org : profile.orgs()) {
            try {
                identities.importCa(
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
