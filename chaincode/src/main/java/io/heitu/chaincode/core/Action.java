package io.heitu.chaincode.core;

import static io.heitu.chaincode.core.Role.ADMIN;
import static io.heitu.chaincode.core.Role.INSPECTOR;
import static io.heitu.chaincode.core.Role.LOGISTICS;
import static io.heitu.chaincode.core.Role.PROCESSOR;
import static io.heitu.chaincode.core.Role.PRODUCER;
import static io.heitu.chaincode.core.Role.REGULATOR;
import static io.heitu.chaincode.core.Role.RETAILER;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every transaction of the chaincode and the roles allowed to call it: the whole role × transaction
 * matrix in one place. Reads are open to every role; writes name their roles.
 */
public enum Action {
    ORG_REGISTER("org:Register", ADMIN),
    ORG_GET("org:Get"),
    ORG_LIST("org:List"),

    LOCATION_REGISTER("location:Register", PRODUCER, PROCESSOR, LOGISTICS, RETAILER, INSPECTOR, ADMIN),
    LOCATION_GET("location:Get"),
    LOCATION_LIST("location:List"),

    PRODUCT_REGISTER("product:Register", PRODUCER, PROCESSOR, ADMIN),
    PRODUCT_SET_POLICY("product:SetPolicy", REGULATOR),
    PRODUCT_SET_YIELD("product:SetYield", REGULATOR),
    PRODUCT_REGISTER_GI_AREA("product:RegisterGiArea", REGULATOR),
    PRODUCT_LICENSE("product:License", PRODUCER, PROCESSOR),
    PRODUCT_REVOKE_LICENCE("product:RevokeLicence", PRODUCER, PROCESSOR),
    PRODUCT_GET("product:Get"),
    PRODUCT_LIST("product:List"),

    LOT_COMMISSION("lot:Commission", PRODUCER),
    LOT_HOLD("lot:Hold", INSPECTOR, REGULATOR),
    LOT_RELEASE("lot:Release", INSPECTOR, REGULATOR),
    LOT_RECALL("lot:Recall", INSPECTOR, REGULATOR),
    LOT_GET("lot:Get"),
    LOT_GET_MANY("lot:GetMany"),
    LOT_LIST("lot:List"),
    LOT_HISTORY("lot:History"),
    LOT_EVENTS("lot:Events"),
    LOT_LINEAGE("lot:Lineage"),
    LOT_FACTS("lot:Facts"),
    LOT_REQUEST_INSPECTION("lot:RequestInspection", PRODUCER, PROCESSOR, LOGISTICS, RETAILER),

    EVENT_APPLY_INPUT("event:ApplyInput", PRODUCER),
    EVENT_OBSERVE("event:Observe", PRODUCER, PROCESSOR, LOGISTICS, RETAILER),
    EVENT_SHIP("event:Ship", PRODUCER, PROCESSOR, LOGISTICS, RETAILER),
    EVENT_RECEIVE("event:Receive", PRODUCER, PROCESSOR, LOGISTICS, RETAILER),
    EVENT_SELL("event:Sell", PRODUCER, RETAILER),
    EVENT_DISPOSE("event:Dispose", PRODUCER, PROCESSOR, LOGISTICS, RETAILER),
    EVENT_TRANSFORM("event:Transform", PRODUCER, PROCESSOR),
    EVENT_AGGREGATE("event:Aggregate", PRODUCER, PROCESSOR, LOGISTICS, RETAILER),
    EVENT_BATCH("event:Batch", PRODUCER, PROCESSOR, LOGISTICS, RETAILER),
    EVENT_CAPTURE("event:Capture", PRODUCER, PROCESSOR, LOGISTICS, RETAILER),
    EVENT_GET("event:Get"),
    EVENT_GET_MANY("event:GetMany"),
    EVENT_READABLE("event:Readable"),
    EVENT_PLOT_INPUTS("event:PlotInputs"),

    TERMS_RECORD("terms:Record", PRODUCER, PROCESSOR, LOGISTICS, RETAILER),
    TERMS_GET("terms:Get"),
    TERMS_VERIFY("terms:Verify"),

    INSPECTION_LAB_RESULT("inspection:RecordLabResult", INSPECTOR),
    INSPECTION_CERTIFY("inspection:IssueCertificate", INSPECTOR),
    INSPECTION_COMMIT("inspection:IssueCommitment", PRODUCER),
    INSPECTION_REVOKE("inspection:RevokeCertificate", INSPECTOR, REGULATOR, PRODUCER),
    INSPECTION_GRADE("inspection:Grade", INSPECTOR),
    INSPECTION_CERTIFICATE("inspection:GetCertificate"),
    INSPECTION_CERTIFICATES("inspection:Certificates"),
    INSPECTION_RANKING("inspection:Ranking"),

    QR_REGISTER_KEY("qr:RegisterKey", PRODUCER, PROCESSOR),
    QR_REVOKE_KEY("qr:RevokeKey", PRODUCER, PROCESSOR, REGULATOR),
    QR_RECORD_ISSUANCE("qr:RecordIssuance", PRODUCER, PROCESSOR),
    QR_KEYS("qr:Keys"),
    QR_ISSUANCES("qr:Issuances"),

    EVIDENCE_ATTACH("evidence:Attach", PRODUCER, PROCESSOR, INSPECTOR),
    EVIDENCE_LIST("evidence:List");

    private final String transaction;
    private final Set<Role> roles;
    private final boolean write;

    Action(String transaction, Role... roles) {
        this.transaction = transaction;
        this.write = roles.length > 0;
        this.roles = write ? EnumSet.of(roles[0], roles) : EnumSet.allOf(Role.class);
    }

    /** The Fabric transaction name, {@code contract:Function}. */
    public String transaction() {
        return transaction;
    }

    public boolean isWrite() {
        return write;
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }
}
