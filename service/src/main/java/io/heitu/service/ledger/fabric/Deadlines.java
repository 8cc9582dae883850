package io.heitu.service.ledger.fabric;

import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CallOption;

/**
 * How long each step of a Fabric transaction may take before the service answers 503. A commit
 * normally follows in under a second (blocks are cut every 250 ms) and in a few under heavy load;
 * a transaction an orderer lost when it died is never committed, and its client should not wait
 * a minute to hear so.
 */
final class Deadlines {

    static final CallOption EVALUATE = CallOption.deadlineAfter(10, TimeUnit.SECONDS);
    static final CallOption ENDORSE = CallOption.deadlineAfter(20, TimeUnit.SECONDS);
    static final CallOption SUBMIT = CallOption.deadlineAfter(10, TimeUnit.SECONDS);
    static final CallOption COMMIT_STATUS = CallOption.deadlineAfter(30, TimeUnit.SECONDS);

    private Deadlines() {}
}
