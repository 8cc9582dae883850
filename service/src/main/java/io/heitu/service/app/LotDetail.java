package io.heitu.service.app;

import io.heitu.service.ledger.wire.Attachment;
import java.util.List;

/**
 * A lot's page: state, who holds how much, tests, files and its steps so far, and which actions its
 * state allows the signed-in organisation (public for the templates).
 *
 * @param held what the signed-in organisation holds of it, in words; empty when nothing
 * @param producedHere whether the signed-in organisation produced the lot
 * @param preview the owner's signed preview of the consumer page
 */
public record LotDetail(
        String gtin,
        String lotCode,
        String product,
        String producer,
        String state,
        String remaining,
        String held,
        String note,
        String inspection,
        String grade,
        boolean producedHere,
        boolean productOwned,
        String preview,
        List<Line> holdings,
        List<Line> steps,
        List<CertificateLine> certificates,
        List<Line> ownHolds,
        List<Attachment> files) {

    /** A label and its value: a holder and quantity, or a step, its time and who recorded it. */
    public record Line(String what, String amount, String when, String who) {}

    public String uri() {
        return new LotKey(gtin, lotCode).uri();
    }

    public boolean active() {
        return "active".equals(state);
    }

    public boolean onHold() {
        return "on_hold".equals(state);
    }

    public boolean recalled() {
        return "recalled".equals(state);
    }

    /** Shipping, selling, processing and labels: only an active lot the organisation holds some of. */
    public boolean movable() {
        return active() && !held.isEmpty();
    }

    /** The reach of a recall: every lot made from this one, with who holds it. */
    public String recallScope() {
        return "/app/recalls/" + gtin + "/" + lotCode;
    }

    public String page() {
        return new LotKey(gtin, lotCode).page();
    }

    /** A file's thumbnail or the file itself, on this lot's page. */
    public String file(Attachment file, boolean thumbnail) {
        String href = io.heitu.service.evidence.Evidence.href(gtin, lotCode, file.sha256());
        return thumbnail ? href + "&w=320" : href;
    }
}
