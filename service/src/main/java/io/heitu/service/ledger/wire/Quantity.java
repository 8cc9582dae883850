package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/** An exact amount in a UN/ECE unit ({@code KGM}, {@code H87} …), as the chaincode writes it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Quantity(BigDecimal value, String uom) {

    /** The amount as the ledger wrote it, e.g. {@code 1300} or {@code 12.5}. */
    public String amount() {
        return value == null ? "" : value.toPlainString();
    }
}
