package io.heitu.service.demo;

import io.heitu.identity.Enrollment;
import io.heitu.service.identity.Identities;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.TraceLedger;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * DEMO DATA, clearly marked: Jilin organisations, one user per role (password from the demo
 * profile, published in the README) and complete chains from plot to shelf. Loaded once, on a
 * fresh ledger; never in a real deployment.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "heitu.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final Identities identities;
    private final TraceLedger ledger;
    private final JsonMapper json;

    DemoData(Identities identities, TraceLedger ledger, JsonMapper json) {
        this.identities = identities;
        this.ledger = ledger;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        Enrollment admin = enrollment("admin");
        if (alreadyLoaded(admin)) {
            return;
        }
        LOG.warn("Loading DEMO data: organisations, products, plots and chains from plot to shelf");
        for (DemoOrganisation organisation : DemoOrganisation.ALL) {
            ledger.registerOrganisation(
                    admin,
                    Map.of(
                            "mspId", organisation.mspId(),
                            "nameZh", organisation.nameZh(),
                            "nameEn", organisation.nameEn(),
                            "kinds", organisation.kinds(),
                            "county", organisation.county()));
        }
        new DemoChains(this::enrollment, ledger, json).load();
        LOG.warn("DEMO data loaded");
    }

    private boolean alreadyLoaded(Enrollment admin) {
        try {
            ledger.organisation(admin, DemoOrganisation.ALL.get(0).mspId());
            return true;
        } catch (LedgerException.Rejected notYet) {
            return false;
        }
    }

    private Enrollment enrollment(String username) {
        return identities.enrollment(identities.user(username).orElseThrow());
    }
}
