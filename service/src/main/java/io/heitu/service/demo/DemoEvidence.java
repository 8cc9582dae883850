package io.heitu.service.demo;

import io.heitu.identity.Enrollment;
import io.heitu.service.evidence.Evidence;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.identity.Identities;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.TraceLedger;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DEMO EVIDENCE, after the demo codes: the mill's photo of its 5 kg bag (for the product), the
 * cooperative's field photo and 承诺达标合格证 for its paddy lot, and the inspection centre's report
 * for the bagged lot, each uploaded through {@link Evidence} as the organisation that owns it.
 * Every start-up draws them again (the drawing and its re-encoding are deterministic, so the bytes
 * and hashes are the same) and puts them in the evidence store, so a service started on a fresh
 * data directory beside a ledger that already records them (a Fabric network kept between runs)
 * still has the files; the ledger refuses the second record, which is what is wanted.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "heitu.demo.enabled", havingValue = "true")
class DemoEvidence implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEvidence.class);

    private static final String BAG = "06901234500035";
    private static final String BAG_LOT = "R5-2026-1005";
    private static final String PADDY = "06901234500011";
    private static final String PADDY_LOT = "SL2026-0928";

    private final Identities identities;
    private final Evidence evidence;
    private final TraceLedger ledger;
    private final CurrentUser user;

    DemoEvidence(Identities identities, Evidence evidence, TraceLedger ledger, CurrentUser user) {
        this.identities = identities;
        this.evidence = evidence;
        this.ledger = ledger;
        this.user = user;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            ledger.product(user.reader(), BAG);
        } catch (LedgerException.Rejected noDemoProduct) {
            return;
        }
        LOG.warn("Attaching DEMO evidence files (drawn pictures) to the demo lots");
        DemoPictures pictures = DemoPictures.load();
        attach("miller", BAG, null, "product_photo", "舒兰大米 5 公斤装", pictures.riceBag());
        attach("farmer", PADDY, PADDY_LOT, "field_photo", "金谷村7号稻田 收割前", pictures.paddyField());
        attach(
                "farmer",
                PADDY,
                PADDY_LOT,
                "commitment",
                "承诺达标合格证 CN-SL-2026-0001",
                pictures.commitment("舒兰稻谷", "24000 斤", "舒兰市金谷水稻种植专业合作社", "王建国", "2026-09-28"));
        attach(
                "inspector",
                BAG,
                BAG_LOT,
                "inspection_report",
                "检验报告 JL-QT-2026-10-0612",
                pictures.inspectionReport(
                        "JL-QT-2026-10-0612",
                        "舒兰大米 5kg",
                        BAG_LOT,
                        List.of(
                                new String[] {"镉", "0.06 mg/kg", "≤ 0.2"},
                                new String[] {"毒死蜱", "0.01 mg/kg", "≤ 0.5"},
                                new String[] {"井冈霉素", "未检出", "≤ 0.5"})));
    }

    private void attach(String username, String gtin, String lotCode, String kind, String caption, byte[] bytes) {
        Enrollment actor = identities.enrollment(identities.user(username).orElseThrow());
        try {
            evidence.attach(actor, new Evidence.Upload(gtin, lotCode, kind, caption, bytes));
        } catch (LedgerException.Rejected recorded) {
            if (!"EVIDENCE_EXISTS".equals(recorded.code())) {
                throw recorded;
            }
        }
    }
}
