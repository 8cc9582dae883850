package io.heitu.service.demo;

import io.heitu.identity.Enrollment;
import io.heitu.service.identity.Identities;
import io.heitu.service.qr.Issuances;
import io.heitu.service.qr.QrAlgorithm;
import io.heitu.service.qr.SigningKeys;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * DEMO QR CODES, after the demo chains: the rice mill, the ginseng farm and the beef farm each make
 * a signing key (public half on the ledger) and issue codes for their inspected lot — a sheet of
 * per-unit codes for rice bags and ginseng boxes, and a per-lot code for each — so there is a real
 * code to print, scan and check. Loaded once: skipped once the rice mill has issued codes for its
 * lot, or with {@code heitu.demo.qr-codes=false} (benchmarks that want the bare demo chains).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "heitu.demo.enabled", havingValue = "true")
class DemoCodes implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCodes.class);

    /** Who issues what: per-unit codes (0 for none) and labels of the per-lot code. */
    private record Batch(String user, String gtin, String lotCode, int units, int lotLabels) {}

    private static final List<Batch> BATCHES = List.of(
            new Batch("miller", "06901234500035", "R5-2026-1005", 24, 24),
            new Batch("ginseng", "06901234500042", "FS2026-0915", 10, 10),
            new Batch("rancher", "06901234500066", "YBC-2026-1021", 0, 10));

    private final Identities identities;
    private final SigningKeys keys;
    private final Issuances issuances;

    private final boolean wanted;

    DemoCodes(Identities identities, SigningKeys keys, Issuances issuances, Environment environment) {
        this.identities = identities;
        this.keys = keys;
        this.issuances = issuances;
        this.wanted = environment.getProperty("heitu.demo.qr-codes", Boolean.class, true);
    }

    @Override
    public void run(ApplicationArguments args) {
        Batch rice = BATCHES.get(0);
        if (!wanted || !issuances.of("RiceMillMSP", rice.gtin(), rice.lotCode()).isEmpty()) {
            return;
        }
        LOG.warn("Issuing DEMO QR codes for the demo lots");
        String example = null;
        for (Batch batch : BATCHES) {
            Enrollment actor =
                    identities.enrollment(identities.user(batch.user()).orElseThrow());
            keys.create(actor, batch.user(), QrAlgorithm.ED25519);
            if (batch.units() > 0) {
                var units = issuances.issue(
                        actor,
                        batch.user(),
                        new Issuances.Request(batch.gtin(), batch.lotCode(), batch.units(), true, null));
                example = example == null ? units.firstCode() : example;
            }
            issuances.issue(
                    actor,
                    batch.user(),
                    new Issuances.Request(batch.gtin(), batch.lotCode(), batch.lotLabels(), false, null));
        }
        LOG.warn("DEMO QR codes issued; a genuine one: {}", example);
    }
}
