package io.heitu.service.consumer;

/**
 * What the consumer is told about a scanned code, most serious first: the one verdict vocabulary of
 * a scan (the page's banner, the resolver's JSON). Only {@link #GENUINE} means the code is what it
 * says and nothing is known against the lot. Why a code fails its own check is a {@link
 * io.heitu.service.qr.CodeFinding}, given as the verdict's reason.
 */
public enum Verdict {
    /** The signature does not match the code: altered or forged. */
    SIGNATURE_INVALID(Severity.DANGER),
    /** No registered key, no signature, or no issuance of this code on the ledger: not ours. */
    UNKNOWN_CODE(Severity.DANGER),
    /** Signed with a key its owner or a regulator has revoked. */
    KEY_REVOKED(Severity.DANGER),
    /** The lot, or one it was made from, is recalled. */
    RECALLED(Severity.DANGER),
    /** The owner or a regulator froze the code or its lot. */
    FROZEN(Severity.DANGER),
    /** The lot is on hold pending investigation. */
    ON_HOLD(Severity.WARNING),
    /** The ledger failed its last verification: nothing on it is shown as proven. */
    UNVERIFIED(Severity.WARNING),
    /** A certificate the product or lot claims has expired or was revoked. */
    CERTIFICATE_EXPIRED(Severity.WARNING),
    /** The unit code has been scanned in unusually many places, or by several clients after its lot sold out. */
    SUSPICIOUS(Severity.WARNING),
    /** Signed, issued, on a verified ledger, and nothing against the lot. */
    GENUINE(Severity.OK);

    /** Colour and icon of the page's banner (always with words too). */
    public enum Severity {
        OK,
        WARNING,
        DANGER
    }

    private final Severity severity;

    Verdict(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
