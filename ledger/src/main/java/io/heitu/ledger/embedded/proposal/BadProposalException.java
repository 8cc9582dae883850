package io.heitu.ledger.embedded.proposal;

/** A proposal that must not be simulated: bad structure, signature, creator or transaction id. */
public final class BadProposalException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadProposalException(String message) {
        super(message);
    }

    BadProposalException(String message, Throwable cause) {
        super(message, cause);
    }
}
