package io.heitu.chaincode.evidence;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.epcis.Gs1;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.org.Gate;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Evidence kept off the ledger (photos, inspection reports, the 承诺达标合格证 as an image): the
 * ledger records each file's SHA-256, type and size against a lot or product, so that a page
 * showing the file can prove it is the one recorded.
 */
@Contract(name = "evidence", info = @Info(title = "Evidence files", version = "1"))
public final class EvidenceContract implements ContractInterface {

    /**
     * Records a file about a lot ({@code lotCode} given) or a product.
     *
     * @param request {@code {"gtin","lotCode","kind","sha256","mediaType","bytes","width","height","pages","caption"}}
     * @return the attachment
     */
    @Transaction(name = "Attach", intent = Transaction.TYPE.SUBMIT)
    public String attach(Context ctx, String request) {
        return Gate.run(
                ctx, Action.EVIDENCE_ATTACH, tx -> Attachments.attach(tx, Json.read(request, AttachEvidence.class)));
    }

    /**
     * @param request {@code {"gtin","lotCode"}}: a lot's files; {@code {"gtin"}}: the product's
     * @return the attachments, in hash order
     */
    @Transaction(name = "List", intent = Transaction.TYPE.EVALUATE)
    public String list(Context ctx, String request) {
        return Gate.run(ctx, Action.EVIDENCE_LIST, tx -> {
            Subject subject = Json.read(request, Subject.class);
            return Attachments.listExisting(tx, subject.gtin(), subject.lotCode());
        });
    }

    record Subject(String gtin, String lotCode) {
        Subject {
            gtin = Gs1.gtin(gtin);
            if (lotCode != null) {
                new LotRef(gtin, lotCode);
            }
        }
    }
}
