package io.heitu.chaincode.location;

import io.heitu.chaincode.core.Change;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Page;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.EpcisIds;
import io.heitu.chaincode.org.Organisation;
import io.heitu.chaincode.org.Organisations;

/** Plots, farmsteads, warehouses, mills and stores. */
public final class Locations {

    static final String TYPE = "location";
    static final String BY_OWNER = "location~owner";

    private Locations() {}

    public static Location get(Tx tx, String id) {
        return tx.read(tx.key(TYPE, Texts.id("locationId", id)), Location.class)
                .orElseThrow(() -> new TraceException(
                        ErrorCode.LOCATION_NOT_FOUND, "location " + Texts.clip(id) + " is not registered"));
    }

    /** A location that belongs to the caller's organisation. */
    public static Location own(Tx tx, String id) {
        Location location = get(tx, id);
        if (!location.ownerMsp().equals(tx.caller().mspId())) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER, "location " + id + " belongs to " + location.ownerMsp());
        }
        return location;
    }

    /** The EPCIS identifier of a location (its GLN when it has one). */
    public static String uri(Location location) {
        return EpcisIds.location(location.id(), location.gln());
    }

    static Location register(Tx tx, RegisterLocation request) {
        String owner = ownerOf(tx, request);
        Organisation organisation = Organisations.get(tx, owner);
        if (request.kind().isProductionSite() && !organisation.isProducer()) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_ORGANISATION, "only farms and cooperatives register plots and pastures");
        }
        String key = tx.key(TYPE, request.id());
        if (tx.exists(key)) {
            throw new TraceException(ErrorCode.LOCATION_EXISTS, "location " + request.id() + " is already registered");
        }
        if (request.gln() != null) {
            Organisations.requireOwned(organisation, request.gln(), "GLN");
        }
        Location location = new Location(
                request.id(),
                owner,
                request.kind(),
                request.nameZh(),
                request.nameEn(),
                request.gln(),
                request.address(),
                request.geo(),
                request.areaMu(),
                request.soil(),
                Times.format(tx.time()));
        tx.put(key, location);
        tx.put(tx.key(BY_OWNER, owner, location.id()), location);
        tx.emit("LocationRegistered", Change.of(TYPE, location.id()));
        return location;
    }

    static Page<Location> list(Tx tx, String ownerMsp, Integer pageSize, String bookmark) {
        var rows = ownerMsp == null
                ? tx.page(Page.size(pageSize), bookmark, TYPE)
                : tx.page(Page.size(pageSize), bookmark, BY_OWNER, ownerMsp);
        return new Page<>(
                rows.items().stream().map(row -> row.as(Location.class)).toList(), rows.bookmark());
    }

    private static String ownerOf(Tx tx, RegisterLocation request) {
        if (request.ownerMsp() == null || request.ownerMsp().equals(tx.caller().mspId())) {
            return tx.caller().mspId();
        }
        if (tx.caller().role() != Role.ADMIN) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER, "only administrators register locations for other organisations");
        }
        return request.ownerMsp();
    }
}
