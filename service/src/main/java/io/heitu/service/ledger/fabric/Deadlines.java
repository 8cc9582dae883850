package io.heitu.service.ledger.fabric;

import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CallOption;

/** How long each step of a Fabric transaction may take before the service answers 503. */
final class Deadlines {

    static final CallOption EVALUATE = CallOption.deadlineAfter(10, TimeUnit.SECONDS);
    static final CallOption ENDORSE = CallOption.deadlineAfter(20, TimeUnit.SECONDS);
    static final CallOption SUBMIT = CallOption.deadlineAfter(10, TimeUnit.SECONDS);
    static final CallOption COMMIT_STATUS = CallOption.deadlineAfter(60, TimeUnit.SECONDS);

    private Deadlines() {}
}
