package io.heitu.chaincode.core;

/**
 * Every way a transaction can be refused. The code is the stable contract with clients: it opens
 * the error message (clients of a Fabric gateway see only the message text) and the payload; texts
 * for people are the service's job.
 */
public enum ErrorCode {
    /** The request is not JSON, has unknown or duplicate fields, or a value of the wrong type. */
    MALFORMED_REQUEST,
    /** A field is missing, too long, out of range or not in the allowed set. */
    INVALID_ARGUMENT,
    INVALID_GTIN,
    INVALID_GLN,
    INVALID_SSCC,
    INVALID_LOT_CODE,
    INVALID_USCC,
    UNKNOWN_CBV_VALUE,
    INVALID_TIME,
    /** An event dated further in the future than the tolerance allows. */
    FUTURE_EVENT_TIME,

    /** The caller's certificate carries no role, or a role this transaction does not allow. */
    FORBIDDEN_ROLE,
    /** The caller's organisation is not registered, or its kind does not allow the role claimed. */
    FORBIDDEN_ORGANISATION,
    /** The caller acts on a lot, plot or key that belongs to another organisation. */
    FORBIDDEN_NOT_OWNER,
    /** The caller's organisation is not a party to the lot, nor to its lineage, and may not read it. */
    FORBIDDEN_READ,
    /** Only a shipment's seller and buyer read its commercial terms (private data). */
    FORBIDDEN_TERMS,
    /** The step (inspection, grading, hold, release) is an oversight role's, not the caller's. */
    FORBIDDEN_OVERSIGHT_STEP,

    ORGANISATION_NOT_FOUND,
    LOCATION_NOT_FOUND,
    PRODUCT_NOT_FOUND,
    LOT_NOT_FOUND,
    EVENT_NOT_FOUND,
    /** No commercial terms are recorded for the shipment (or this peer does not hold them yet). */
    TERMS_NOT_FOUND,
    CERTIFICATE_NOT_FOUND,
    SIGNING_KEY_NOT_FOUND,

    ORGANISATION_EXISTS,
    LOCATION_EXISTS,
    PRODUCT_EXISTS,
    LOT_EXISTS,
    CERTIFICATE_EXISTS,
    SIGNING_KEY_EXISTS,
    /** The file (by its SHA-256) is already recorded against the lot or product. */
    EVIDENCE_EXISTS,

    /** More is shipped, sold, transformed or split than the organisation holds of the lot. */
    INSUFFICIENT_QUANTITY,
    /** Nothing is in transit to the caller for this lot, or less than the quantity received. */
    NOTHING_IN_TRANSIT,
    /** Quantities in units that cannot be compared (e.g. pieces of a product without net content). */
    UNIT_MISMATCH,
    /** Transformation outputs weigh more than the declared inputs. */
    MASS_BALANCE_VIOLATED,
    /** A harvest inside the pre-harvest interval of a pesticide applied to the plot. */
    PRE_HARVEST_INTERVAL,
    LOT_ON_HOLD,
    LOT_RECALLED,
    LOT_NOT_ON_HOLD,
    /** The product needs a passing inspection before codes are issued (一检一码). */
    INSPECTION_REQUIRED,
    /** More units would carry codes than the lot holds, across all its issuances. */
    CODES_EXCEED_UNITS,
    /** Nothing of the lot is left anywhere: no codes, no new use. */
    LOT_USED_UP,
    /** Two events of one request are the same event; a line number or business transaction tells them apart. */
    DUPLICATE_EVENT,
    /** An event dated further back than the organisation's allowed recording delay. */
    LATE_RECORDING,
    /** A return goes back only to an organisation the returner received the lot from. */
    RETURN_NOT_TO_SUPPLIER,
    /** The hold to release is not one the lot carries itself. */
    HOLD_NOT_FOUND,
    /** The lot is held only through an ancestor: the hold is released on that lot. */
    HOLD_INHERITED,
    /** The lot carries several holds of its own: the release names one. */
    HOLD_AMBIGUOUS,
    /** More is harvested or made than the registered yield allows. */
    YIELD_EXCEEDED,
    /** No maximum yield per mu is registered for the product, so no harvest of it can be bounded. */
    YIELD_NOT_REGISTERED,
    /** A lot of a geographical-indication product from a plot outside the GI's registered area. */
    NOT_IN_GI_AREA,
    /** Lots only under GTINs the organisation owns or is licensed to use. */
    GTIN_NOT_OWNED,
    /** A GTIN, SSCC or GLN outside the organisation's GS1 company prefixes. */
    GS1_PREFIX_NOT_OWNED,
    /** The GS1 company prefix (or one it contains or is part of) belongs to another organisation. */
    GS1_PREFIX_TAKEN,
    CERTIFICATE_REVOKED,
    SIGNING_KEY_REVOKED,
    /** The lineage or recall reaches more lots than one transaction may touch. */
    LIMIT_EXCEEDED,
    /** An unexpected failure inside the chaincode; never caused by the request. */
    INTERNAL_ERROR
}
