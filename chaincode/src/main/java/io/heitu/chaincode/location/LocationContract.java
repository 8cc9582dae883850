package io.heitu.chaincode.location;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.core.Page;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.org.Gate;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Places: plots with their black-soil data, and the sites goods pass through. */
@Contract(name = "location", info = @Info(title = "Locations", version = "1"))
public final class LocationContract implements ContractInterface {

    /**
     * Registers a location owned by the caller's organisation. Plots need an area in mu.
     *
     * @param request {@code {"id","kind","nameZh","nameEn","gln","address":{…},"geo":{…},"areaMu","soil":{…}}}
     * @return the location
     */
    @Transaction(name = "Register", intent = Transaction.TYPE.SUBMIT)
    public String register(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.LOCATION_REGISTER,
                tx -> Locations.register(tx, Json.read(request, RegisterLocation.class)));
    }

    /**
     * @param request {@code {"id"}}
     * @return the location
     */
    @Transaction(name = "Get", intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.LOCATION_GET,
                tx -> Locations.get(tx, Json.read(request, ById.class).id()));
    }

    /**
     * @param request {@code {"ownerMsp","pageSize","bookmark"}}, owner optional
     * @return {@code {"items":[…],"bookmark"}}
     */
    @Transaction(name = "List", intent = Transaction.TYPE.EVALUATE)
    public String list(Context ctx, String request) {
        return Gate.run(ctx, Action.LOCATION_LIST, tx -> {
            ListLocations query = Json.read(request, ListLocations.class);
            return Locations.list(tx, query.ownerMsp(), query.pageSize(), query.bookmark());
        });
    }

    record ById(String id) {
        ById {
            Texts.id("id", id);
        }
    }

    record ListLocations(String ownerMsp, Integer pageSize, String bookmark) {
        ListLocations {
            ownerMsp = Texts.optional("ownerMsp", ownerMsp, Texts.ID_MAX);
            Page.size(pageSize);
            bookmark = Page.bookmark(bookmark);
        }
    }
}
