package io.heitu.service.app;

import java.util.List;

/**
 * One line of the dashboard: a lot, its state ({@code active}, {@code on_hold}, {@code recalled},
 * {@code consumed}), what the organisation holds of it, its latest step and what needs doing
 * (message keys).
 */
public record LotRow(
        String gtin,
        String lotCode,
        String product,
        String state,
        String held,
        String remaining,
        String latestStep,
        String latestAt,
        String latestWhen,
        String note,
        List<String> todo) {

    public String page() {
        return new LotKey(gtin, lotCode).page();
    }
}
