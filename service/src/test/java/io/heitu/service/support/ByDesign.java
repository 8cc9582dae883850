package io.heitu.service.support;

/**
 * The one place that says where the Fabric network behaves differently from the embedded ledger
 * by design, so that the end-to-end tests stay the same classes on both and each difference is
 * asserted, not skipped. Everything not listed here behaves the same.
 */
public final class ByDesign {

    private ByDesign() {}

    /**
     * An organisation registered through the API joins at once on the embedded ledger (the service
     * holds its CA and records it in a configuration block). On Fabric the channel's members are
     * what its configuration says: an organisation joins by a configuration update signed by two of
     * the three peer organisations' administrators ({@code network/add-org.sh}), which the service
     * cannot make alone. Until then its users are refused with {@code ORGANISATION_NOT_ON_CHANNEL}.
     */
    public static boolean newOrganisationsTransactAtOnce() {
        return !LedgerUnderTest.fabric();
    }
}
