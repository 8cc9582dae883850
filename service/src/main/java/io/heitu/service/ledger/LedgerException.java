package io.heitu.service.ledger;

/**
 * Failures of a ledger call, following the steps of a transaction: the chaincode refuses it at
 * endorsement, it loses an MVCC race at validation, or the ledger is unreachable.
 */
public abstract sealed class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    LedgerException(String message, Throwable cause) {
        this(message, cause, 1);
    }

    LedgerException(String message, Throwable cause, int attempts) {
        super(message, cause);
        this.attempts = attempts;
    }

    /** How many times the transaction was tried before this answer (retries of curable failures). */
    public int attempts() {
        return attempts;
    }

    /** The chaincode refused the transaction: {@code code} is its stable error code. */
    public static final class Rejected extends LedgerException {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final String detail;

        public Rejected(String code, String detail) {
            super(code + ": " + detail, null);
            this.code = code;
            this.detail = detail;
        }

        /** Parses the chaincode's {@code CODE: explanation} message. */
        public static Rejected fromMessage(String message) {
            String text = message == null ? "" : message;
            int colon = text.indexOf(": ");
            if (colon > 0 && text.substring(0, colon).matches("[A-Z][A-Z_]+")) {
                return new Rejected(text.substring(0, colon), text.substring(colon + 2));
            }
            return new Rejected("INTERNAL_ERROR", text);
        }

        public String code() {
            return code;
        }

        public String detail() {
            return detail;
        }
    }

    /** Another transaction changed what this one read; retrying may succeed. */
    public static final class Conflict extends LedgerException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message) {
            super(message, null);
        }

        public Conflict(String message, int attempts) {
            super(message, null, attempts);
        }
    }

    /** The ledger cannot be reached or did not answer in time. */
    public static final class Unavailable extends LedgerException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }

        public Unavailable(String message, Throwable cause, int attempts) {
            super(message, cause, attempts);
        }
    }
}
