package io.heitu.service.demo;

import io.heitu.service.HeituProperties;
import io.heitu.service.identity.Identities;
import io.heitu.service.membership.IdentitySeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** DEMO: a CA per demo organisation and one user per role, all with the public demo password. */
@Component
@ConditionalOnProperty(name = "heitu.demo.enabled", havingValue = "true")
class DemoAccounts implements IdentitySeed {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    private final HeituProperties properties;
    private final Identities identities;

    DemoAccounts(HeituProperties properties, Identities identities) {
        this.properties = properties;
        this.identities = identities;
    }

    @Override
    public void seed() {
        if (identities.user("admin").isPresent()) {
            return;
        }
        LOG.warn("Creating DEMO organisations and users with the public demo password");
        for (DemoOrganisation organisation : DemoOrganisation.ALL) {
            identities.ensureCa(organisation.mspId(), organisation.nameZh());
            for (String[] user : organisation.users()) {
                identities.enroll(
                        user[0],
                        user[0],
                        organisation.mspId(),
                        user[1],
                        properties.demo().password());
            }
        }
    }
}
