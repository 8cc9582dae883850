package io.heitu.ledger.sim;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeServer;

/**
 * Loads the contracts on the classpath exactly as the chaincode server would, without opening a
 * port: {@code startRouterWithChaincodeServer} discovers the contracts and builds their metadata,
 * then calls {@code start()} on a server that returns at once.
 */
public final class InProcessChaincode {

    private InProcessChaincode() {}

    public static Chaincode load(String chaincodeId) {
        try {
            Logger.getLogger("org.hyperledger").setLevel(Level.WARNING);
            ContractRouter router = new ContractRouter(new String[] {"--id", chaincodeId});
            router.startRouterWithChaincodeServer(new ChaincodeServer() {
                @Override
                public void start() {}

                @Override
                public void stop() {}
            });
            // The shim logs every transaction and its whole metadata at INFO: fine on a peer, noise in-process.
            Logger.getLogger("org.hyperledger").setLevel(Level.WARNING);
            return router;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot load chaincode " + chaincodeId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted loading chaincode " + chaincodeId, e);
        }
    }
}
