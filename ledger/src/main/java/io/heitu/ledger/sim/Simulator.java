package io.heitu.ledger.sim;

import org.hyperledger.fabric.shim.Chaincode;

/** Endorsement without a peer: runs a proposal through the chaincode against committed state. */
public final class Simulator {

    private Simulator() {}

    public static Simulation simulate(Chaincode chaincode, TxProposal proposal, StateView state) {
        SimulatedStub stub = new SimulatedStub(proposal, state);
        Chaincode.Response response = chaincode.invoke(stub);
        ReadWriteSet rwSet = stub.complete();
        return new Simulation(
                proposal, response, rwSet, stub.getEvent(), stub.paginatedQueryUsed(), stub.leakedIterators());
    }
}
