package io.heitu.chaincode.org;

import io.heitu.chaincode.core.Change;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Page;
import io.heitu.chaincode.core.Row;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import java.util.List;
import java.util.Optional;

/** The organisation registry. */
public final class Organisations {

    static final String TYPE = "org";

    private Organisations() {}

    static String mspId(String value) {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,63}")) {
            throw Texts.invalid("mspId must be 1-64 letters, digits, '.' or '-'");
        }
        return value;
    }

    public static Optional<Organisation> find(Tx tx, String mspId) {
        return tx.read(tx.key(TYPE, mspId), Organisation.class);
    }

    public static Organisation get(Tx tx, String mspId) {
        return find(tx, mspId)
                .orElseThrow(() -> new TraceException(
                        ErrorCode.ORGANISATION_NOT_FOUND, "organisation " + Texts.clip(mspId) + " is not registered"));
    }

    /** Most organisations read when a party is looked up by its GLN: a consortium is small. */
    private static final int MAX_ORGANISATIONS = 1_000;

    /** The registered organisation with this party GLN, if any. */
    public static Optional<Organisation> byGln(Tx tx, String gln) {
        return tx.scan(MAX_ORGANISATIONS, TYPE).stream()
                .map(row -> row.as(Organisation.class))
                .filter(organisation -> gln.equals(organisation.gln()))
                .findFirst();
    }

    static Organisation register(Tx tx, RegisterOrganisation request) {
        if (registryIsEmpty(tx)) {
            requireBootstrap(tx, request);
        }
        String key = tx.key(TYPE, request.mspId());
        if (tx.exists(key)) {
            throw new TraceException(
                    ErrorCode.ORGANISATION_EXISTS, "organisation " + request.mspId() + " is already registered");
        }
        requirePrefixesFree(tx, request.companyPrefixes());
        Organisation organisation = new Organisation(
                request.mspId(),
                request.nameZh(),
                request.nameEn(),
                request.kinds(),
                request.gln(),
                request.uscc(),
                request.county(),
                request.companyPrefixes(),
                request.recordingDelayHours(),
                Times.format(tx.time()),
                tx.caller().mspId());
        if (organisation.gln() != null) {
            requireOwned(organisation, organisation.gln(), "GLN");
        }
        tx.put(key, organisation);
        tx.emit("OrganisationRegistered", Change.of(TYPE, organisation.mspId()));
        return organisation;
    }

    /**
     * A GTIN (as its 13 digits after the indicator), GLN or SSCC (without its extension digit) under
     * one of the organisation's company prefixes, refused otherwise: GS1 keys are not first come,
     * first served.
     */
    public static void requireOwned(Organisation organisation, String digits, String what) {
        if (!organisation.owns(digits)) {
            throw new TraceException(
                    ErrorCode.GS1_PREFIX_NOT_OWNED,
                    what + " " + digits + " is not under a GS1 company prefix of " + organisation.mspId());
        }
    }

    /** A prefix is one company's: none may contain, or lie inside, another organisation's. */
    private static void requirePrefixesFree(Tx tx, List<String> prefixes) {
        if (prefixes.isEmpty()) {
            return;
        }
        for (Row row : tx.scan(MAX_ORGANISATIONS, TYPE)) {
            Organisation other = row.as(Organisation.class);
            for (String taken : other.companyPrefixes()) {
                for (String prefix : prefixes) {
                    if (prefix.startsWith(taken) || taken.startsWith(prefix)) {
                        throw new TraceException(
                                ErrorCode.GS1_PREFIX_TAKEN,
                                "GS1 company prefix " + prefix + " overlaps " + taken + " of " + other.mspId());
                    }
                }
            }
        }
    }

    static Page<Organisation> list(Tx tx, Integer pageSize, String bookmark) {
        Page<Row> rows = tx.page(Page.size(pageSize), bookmark, TYPE);
        List<Organisation> organisations =
                rows.items().stream().map(row -> row.as(Organisation.class)).toList();
        return new Page<>(organisations, rows.bookmark());
    }

    /** On an empty ledger the administrator's own regulator organisation must come first. */
    private static void requireBootstrap(Tx tx, RegisterOrganisation request) {
        if (!request.mspId().equals(tx.caller().mspId()) || !request.kinds().contains(OrgKind.REGULATOR)) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_ORGANISATION,
                    "the first organisation registered must be the administrator's own regulator organisation");
        }
    }

    static boolean registryIsEmpty(Tx tx) {
        return !tx.any(TYPE);
    }
}
