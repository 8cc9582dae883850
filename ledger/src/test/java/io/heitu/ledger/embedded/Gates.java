package io.heitu.ledger.embedded;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test-only rendezvous: holds a simulating transaction until the test lets it go on. */
final class Gates {

    private static final Map<String, Gate> GATES = new ConcurrentHashMap<>();

    private Gates() {}

    static Gate arm(String name) {
        Gate gate = new Gate();
        GATES.put(name, gate);
        return gate;
    }

    static void pass(String name) {
        Gate gate = GATES.get(name);
        if (gate != null) {
            gate.reached.countDown();
            await(gate.release);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class Gate {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        void awaitReached() {
            await(reached);
        }

        void open() {
            release.countDown();
        }
    }
}
