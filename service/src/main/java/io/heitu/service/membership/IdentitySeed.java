package io.heitu.service.membership;

/**
 * Creates organisations' CAs and users before the ledger opens, so that the ledger's channel
 * configuration trusts them from its first block (like organisations in a Fabric genesis block).
 * Seeds run in {@link org.springframework.core.annotation.Order} order, from {@link IdentitySeeding}.
 */
public interface IdentitySeed {

    void seed();
}
