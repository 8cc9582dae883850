package io.heitu.service.ledger.fabric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How to reach a Fabric network, as {@code network/up.sh} writes it: the channel and chaincode,
 * each peer's endpoint and TLS root, and each member organisation's CA and the peer whose gateway
 * its users submit through.
 */
record FabricProfile(String channel, String chaincode, List<Peer> peers, List<Org> orgs) {

    record Peer(String mspId, String endpoint, String hostOverride, String tlsRootCert, String operations) {}

    record Org(String mspId, String caCert, String caKey, String gatewayPeer) {}

    static FabricProfile read(Path file) {
        try {
            return JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(Files.readString(file), FabricProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Fabric profile " + file + " (run network/up.sh)", e);
        }
    }

    Peer peer(String mspId) {
        return peers.stream()
                .filter(peer -> peer.mspId().equals(mspId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no peer of " + mspId + " in the Fabric profile"));
    }

    /** The peer whose gateway an organisation's users use: its own, or the one the profile names. */
    Peer gatewayPeerOf(String mspId) {
        String gateway = orgs.stream()
                .filter(org -> org.mspId().equals(mspId))
                .map(Org::gatewayPeer)
                .findFirst()
                .orElse(peers.get(0).mspId());
        return peer(gateway);
    }
}
