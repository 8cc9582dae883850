package io.heitu.chaincode.org;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.core.PageRequest;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Members of the consortium: who they are and what kind of organisation each is. */
@Contract(name = "org", info = @Info(title = "Organisations", version = "1"))
public final class OrgContract implements ContractInterface {

    /**
     * Registers an organisation (administrators only). The first registration on an empty ledger is
     * the bootstrap: an administrator registers their own organisation, which must be a regulator.
     *
     * @param request {@code {"mspId","nameZh","nameEn","kinds":[…],"gln","uscc","county"}}
     * @return the organisation
     */
    @Transaction(name = "Register", intent = Transaction.TYPE.SUBMIT)
    public String register(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.ORG_REGISTER,
                tx -> Organisations.register(tx, Json.read(request, RegisterOrganisation.class)));
    }

    /**
     * @param request {@code {"mspId"}}
     * @return the organisation
     */
    @Transaction(name = "Get", intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.ORG_GET,
                tx -> Organisations.get(tx, Json.read(request, ByMsp.class).mspId()));
    }

    /**
     * @param request {@code {"pageSize","bookmark"}}
     * @return {@code {"items":[…],"bookmark"}}
     */
    @Transaction(name = "List", intent = Transaction.TYPE.EVALUATE)
    public String list(Context ctx, String request) {
        return Gate.run(ctx, Action.ORG_LIST, tx -> {
            PageRequest page = Json.read(request, PageRequest.class);
            return Organisations.list(tx, page.pageSize(), page.bookmark());
        });
    }

    record ByMsp(String mspId) {
        ByMsp {
            mspId = Organisations.mspId(mspId);
        }
    }
}
