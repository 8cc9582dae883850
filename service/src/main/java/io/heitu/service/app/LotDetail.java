package io.heitu.service.app;

import java.util.List;

/** A lot's page: state, who holds how much, tests and its steps so far (public for the templates). */
public record LotDetail(
        String gtin,
        String lotCode,
        String product,
        String producer,
        String state,
        String remaining,
        String note,
        String inspection,
        String grade,
        List<Line> holdings,
        List<Line> steps,
        List<CertificateLine> certificates,
        List<Line> ownHolds) {

    /** A label and its value: a holder and quantity, or a step, its time and who recorded it. */
    public record Line(String what, String amount, String when, String who) {}

    public String uri() {
        return new LotKey(gtin, lotCode).uri();
    }

    public String consumerPage() {
        return "/01/" + gtin + "/10/" + lotCode;
    }
}
