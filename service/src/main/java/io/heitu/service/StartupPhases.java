package io.heitu.service;

/**
 * The start-up steps in order, as Spring lifecycle phases (lower starts first, stops last). Each
 * step is its own bean; no constructor seeds data, opens a ledger or subscribes to one. The web
 * server starts after all of them; the demo data and other {@code ApplicationRunner}s run after the
 * web server, and readiness turns UP when they are done.
 */
public final class StartupPhases {

    /** Organisations' CAs and users exist (demo accounts, a Fabric network's CAs). */
    public static final int SEED_IDENTITIES = -300;

    /** The ledger is open, trusting exactly the CAs seeded so far (embedded: its first block records them). */
    public static final int OPEN_LEDGER = -200;

    /** Read models follow the ledger's chaincode events. */
    public static final int FOLLOW_LEDGER = -100;

    private StartupPhases() {}
}
