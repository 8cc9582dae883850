package io.heitu.service.app;

import io.heitu.service.ledger.Ledger;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The ledger block a dashboard reflects at least: read before its lists are, so everything
 * committed up to it is in them; stated on the page ("账本截至区块 N") and in
 * {@code X-Ledger-Height}, as the API's read-model answers state theirs.
 */
@Component
class AsOf {

    static final String HEADER = "X-Ledger-Height";

    private final Ledger ledger;

    AsOf(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Reads the ledger's last committed block, states it on the page about to be drawn and answers
     * it (-1 from a ledger that cannot tell its height, which states none).
     */
    long stamp(Model model, HttpServletResponse response) {
        long block = ledger.height() - 1;
        if (block >= 0) {
            model.addAttribute("ledgerHeight", block);
            response.setHeader(HEADER, Long.toString(block));
        }
        return block;
    }
}
