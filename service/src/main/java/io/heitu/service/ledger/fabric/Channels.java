package io.heitu.service.ledger.fabric;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.File;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/** One TLS gRPC channel per peer, opened once and shared by every user's gateway. */
final class Channels {

    private Channels() {}

    static ManagedChannel open(FabricProfile.Peer peer) {
        try {
            return NettyChannelBuilder.forTarget(peer.endpoint())
                    .sslContext(GrpcSslContexts.forClient()
                            .trustManager(new File(peer.tlsRootCert()))
                            .build())
                    .overrideAuthority(peer.hostOverride())
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS to " + peer.endpoint(), e);
        }
    }

    static void close(ManagedChannel channel) {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
