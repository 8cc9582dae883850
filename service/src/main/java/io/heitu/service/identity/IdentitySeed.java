package io.heitu.service.identity;

/**
 * Creates organisations' CAs and users before the ledger opens, so that the ledger's channel
 * configuration trusts them from its first block (like organisations in a Fabric genesis block).
 */
public interface IdentitySeed {

    void seed(Identities identities);
}
