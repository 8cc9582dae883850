package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.org.Organisation;
import io.heitu.chaincode.org.Organisations;

/**
 * How an inspection body comes to read a lot: a party to the lot asks it to inspect. The request is
 * the {@link Access#PARTY} entry of the inspection body on that lot, the same entry an organisation
 * gets by recording an event on the lot (a lab result, a grade, a hold).
 */
final class InspectionRequests {

    /** {@code asked~inspectorMsp~gtin~lotCode}: the lots an inspection body was asked to inspect, listable. */
    static final String ASKED = "asked";

    private InspectionRequests() {}

    record Ask(String gtin, String lotCode, String inspectorMsp) {
        Ask {
            new LotRef(gtin, lotCode);
            inspectorMsp = Texts.required("inspectorMsp", inspectorMsp, Texts.ID_MAX);
        }

        LotRef ref() {
            return new LotRef(gtin, lotCode);
        }
    }

    record Asked(String lot, String inspectorMsp) {}

    static Asked ask(Tx tx, Ask ask) {
        LotRef ref = ask.ref();
        Lots.get(tx, ref);
        if (!Access.of(tx).isParty(ref)) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER,
                    "organisation " + tx.caller().mspId() + " is not a party to lot " + ref
                            + " and may not ask for its inspection");
        }
        Organisation inspector = Organisations.get(tx, ask.inspectorMsp());
        if (!inspector.allows(Role.INSPECTOR)) {
            throw Texts.invalid("organisation " + ask.inspectorMsp() + " is not an inspection body");
        }
        tx.put(tx.key(Access.PARTY, ref.gtin(), ref.lotCode(), ask.inspectorMsp()), new byte[] {'1'});
        tx.put(tx.key(ASKED, ask.inspectorMsp(), ref.gtin(), ref.lotCode()), new byte[] {'1'});
        return new Asked(ref.epcClass(), ask.inspectorMsp());
    }
}
