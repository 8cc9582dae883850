package io.heitu.service.membership;

import io.heitu.service.StartupPhases;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** The start-up step that runs every {@link IdentitySeed}, before the ledger opens. */
@Component
class IdentitySeeding implements SmartLifecycle {

    private final List<IdentitySeed> seeds;
    private volatile boolean running;

    /** @param seeds in {@code @Order} order, as Spring sorts a list it injects */
    IdentitySeeding(List<IdentitySeed> seeds) {
        this.seeds = seeds;
    }

    @Override
    public void start() {
        seeds.forEach(IdentitySeed::seed);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return StartupPhases.SEED_IDENTITIES;
    }
}
