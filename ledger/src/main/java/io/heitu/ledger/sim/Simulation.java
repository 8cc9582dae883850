package io.heitu.ledger.sim;

import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.shim.Chaincode;

/** The outcome of simulating one proposal: the chaincode's response and what it read and wrote. */
public record Simulation(
        TxProposal proposal,
        Chaincode.Response response,
        ReadWriteSet readWriteSet,
        ChaincodeEvent event,
        boolean paginatedQueryUsed,
        int leakedIterators) {

    /** Fabric's success range for chaincode responses. */
    public boolean succeeded() {
        return response.getStatusCode() >= 200 && response.getStatusCode() < 400;
    }
}
