package io.heitu.service.ledger;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the ledger last verified clean. Checked at start-up and on demand; while the last check
 * failed, health is DOWN and consumer answers say the data is not verified instead of presenting it
 * as proven.
 */
@Component
public class LedgerIntegrity implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerIntegrity.class);

    private final Ledger ledger;
    private final AtomicReference<Checked> last = new AtomicReference<>();

    public LedgerIntegrity(Ledger ledger) {
        this.ledger = ledger;
    }

    /** A verification and when it ran. */
    public record Checked(Verification verification, Instant at) {}

    @EventListener(ApplicationReadyEvent.class)
    public void verifyAtStart() {
        Checked checked = check();
        if (!checked.verification().ok()) {
            LOG.error(
                    "LEDGER VERIFICATION FAILED at block {}: {}",
                    checked.verification().firstBadBlock(),
                    checked.verification().problem());
        }
    }

    public Checked check() {
        Checked checked = new Checked(ledger.verify(), Instant.now());
        last.set(checked);
        return checked;
    }

    /** True only when the last verification passed. */
    public boolean verified() {
        Checked checked = last.get();
        return checked != null && checked.verification().ok();
    }

    public Checked last() {
        return last.get();
    }

    @Override
    public Health health() {
        Checked checked = last.get();
        if (checked == null) {
            return Health.unknown().withDetail("kind", ledger.kind()).build();
        }
        Verification verification = checked.verification();
        Health.Builder builder = verification.ok() ? Health.up() : Health.down();
        builder.withDetail("kind", ledger.kind())
                .withDetail("blocksChecked", verification.blocksChecked())
                .withDetail("checkedAt", checked.at().toString());
        if (!verification.ok()) {
            builder.withDetail("firstBadBlock", verification.firstBadBlock())
                    .withDetail("problem", verification.problem());
        }
        return builder.build();
    }
}
