package io.heitu.chaincode.epcis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An event from another system's EPCIS document: as it came (what the hash is taken over), as it
 * is stored (self-contained: the document's namespace declarations in its own {@code @context}),
 * the lots it names, and whether the ledger knows all of them.
 */
public record Captured(ObjectNode event, ObjectNode stored, List<LotRef> lots, boolean verified) {

    public Captured {
        lots = List.copyOf(lots);
    }
}
