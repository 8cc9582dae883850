package io.heitu.chaincode.terms;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.TraceException;
import java.util.regex.Pattern;

/**
 * One private data collection per pair of organisations, named after the pair in sorted order, so
 * both parties (and only they, with the peers hosting them) hold the terms of their shipments.
 * {@code network/collections.sh} generates the same names for the Fabric chaincode definition.
 */
public final class TermsCollections {

    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9-]+");

    private TermsCollections() {}

    /** {@code terms_<first MSP ID>_<second MSP ID>}, the two in ascending order. */
    public static String forPair(String a, String b) {
        requireNameable(a);
        requireNameable(b);
        return a.compareTo(b) < 0 ? "terms_" + a + "_" + b : "terms_" + b + "_" + a;
    }

    /** Collection names allow [A-Za-z0-9_-]; an underscore inside an MSP ID would make a pair ambiguous. */
    private static void requireNameable(String mspId) {
        if (!MSP_ID.matcher(mspId).matches()) {
            throw new TraceException(
                    ErrorCode.INVALID_ARGUMENT, "MSP ID " + mspId + " cannot name a private data collection");
        }
    }
}
