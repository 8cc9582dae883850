package io.heitu.chaincode.lot;

/** What an event does to a lot, which decides whether a held or recalled lot may take it. */
public enum Use {
    /** Storing, sensor readings, inspection: allowed on held lots, refused on recalled ones. */
    OBSERVE,
    /** Shipping, selling, transforming, aggregating, issuing codes: refused on held and recalled lots. */
    MOVE,
    /** Receiving returns, unpacking, destroying, returning to the producer: what a recall needs. */
    RECALL_HANDLING
}
