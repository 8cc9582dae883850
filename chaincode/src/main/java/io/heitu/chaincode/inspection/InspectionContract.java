package io.heitu.chaincode.inspection;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.core.Page;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.org.Gate;
import io.heitu.chaincode.product.Category;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Inspections, certificates, grades and the quality ranking (产品品质排序). */
@Contract(name = "inspection", info = @Info(title = "Inspections and certificates", version = "1"))
public final class InspectionContract implements ContractInterface {

    /**
     * Lab results for a lot (inspectors). The verdict is computed here; a failing result holds the lot.
     *
     * @param request {@code {"gtin","lotCode","kind":"sampling|inspecting","eventTime","reportNo","lab","results":[{"analyte","value","unit","limit","limitType","method"}]}}
     */
    @Transaction(name = "RecordLabResult", intent = Transaction.TYPE.SUBMIT)
    public String recordLabResult(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.INSPECTION_LAB_RESULT,
                tx -> Inspections.labResult(tx, Json.read(request, LabResult.class)));
    }

    /**
     * A green food, organic, GI authorisation or inspection report certificate (inspectors).
     *
     * @param request {@code {"number","type","gtin","lotCode"|"mspId","productGtin","standard","validFrom","validUntil","documentHash"}}
     */
    @Transaction(name = "IssueCertificate", intent = Transaction.TYPE.SUBMIT)
    public String issueCertificate(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.INSPECTION_CERTIFY,
                tx -> Certificates.issue(tx, Json.read(request, CertificateRequests.Issue.class)));
    }

    /**
     * The producer's 承诺达标合格证 for a lot it produced.
     *
     * @param request {@code {"number","gtin","lotCode","basis","promises":[…],"contact","validUntil"}}
     */
    @Transaction(name = "IssueCommitment", intent = Transaction.TYPE.SUBMIT)
    public String issueCommitment(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.INSPECTION_COMMIT,
                tx -> Certificates.commit(tx, Json.read(request, CertificateRequests.Commit.class)));
    }

    /**
     * Revokes a certificate: its issuer or a regulator.
     *
     * @param request {@code {"issuerMsp","number","reason"}}
     */
    @Transaction(name = "RevokeCertificate", intent = Transaction.TYPE.SUBMIT)
    public String revokeCertificate(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.INSPECTION_REVOKE,
                tx -> Certificates.revoke(tx, Json.read(request, CertificateRequests.Revoke.class)));
    }

    /**
     * Sets a lot's quality grade (inspectors); level 1 is the best grade of the standard.
     *
     * @param request {@code {"gtin","lotCode","standard","level","label","eventTime"}}
     */
    @Transaction(name = "Grade", intent = Transaction.TYPE.SUBMIT)
    public String grade(Context ctx, String request) {
        return Gate.run(
                ctx, Action.INSPECTION_GRADE, tx -> Inspections.grade(tx, Json.read(request, GradeRequest.class)));
    }

    /** @param request {@code {"issuerMsp","number"}} */
    @Transaction(name = "GetCertificate", intent = Transaction.TYPE.EVALUATE)
    public String getCertificate(Context ctx, String request) {
        return Gate.run(ctx, Action.INSPECTION_CERTIFICATE, tx -> {
            CertificateRequests.ById id = Json.read(request, CertificateRequests.ById.class);
            return Certificates.get(tx, id.issuerMsp(), id.number());
        });
    }

    /** @param request {@code {"gtin","lotCode"}} or {@code {"mspId"}} */
    @Transaction(name = "Certificates", intent = Transaction.TYPE.EVALUATE)
    public String certificates(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.INSPECTION_CERTIFICATES,
                tx -> Certificates.of(tx, Json.read(request, CertificateRequests.Of.class)));
    }

    /**
     * Lots or producers of a category, best first.
     *
     * @param request {@code {"category","scope":"lots|producers","pageSize","bookmark"}}
     */
    @Transaction(name = "Ranking", intent = Transaction.TYPE.EVALUATE)
    public String ranking(Context ctx, String request) {
        return Gate.run(ctx, Action.INSPECTION_RANKING, tx -> {
            RankingQuery query = Json.read(request, RankingQuery.class);
            return Ranking.page(tx, query.scope(), query.category(), query.pageSize(), query.bookmark());
        });
    }

    record RankingQuery(Category category, String scope, Integer pageSize, String bookmark) {
        RankingQuery {
            Texts.require("category", category);
            Page.size(pageSize);
            bookmark = Page.bookmark(bookmark);
        }
    }
}
