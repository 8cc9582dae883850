package io.heitu.service.epcis;

import io.heitu.service.epcis.identifier.Gs1Key;
import io.heitu.service.epcis.identifier.Identifiers;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the GS1 keys of an answer as {@code GS1-EPC-Format} asks: EPC URNs as Digital Links
 * ({@code Always_GS1_Digital_Link}, the default), Digital Links as EPC URNs ({@code Always_EPC_URN}),
 * or as captured. Keys are the event's EPCs, classes, parent, read point, business location and the
 * parties and places of its source and destination lists.
 */
@Component
public class EpcFormats {

    private static final List<String> LISTS = List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    private static final List<String> QUANTITIES =
            List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");

    private final CompanyPrefixes prefixes;

    EpcFormats(CompanyPrefixes prefixes) {
        this.prefixes = prefixes;
    }

    public JsonNode apply(JsonNode event, EpcFormat format) {
        if (format == EpcFormat.NO_PREFERENCE || format == EpcFormat.NEVER_TRANSLATES || !event.isObject()) {
            return event;
        }
        ObjectNode copy = ((ObjectNode) event).deepCopy();
        for (String list : LISTS) {
            if (copy.get(list) instanceof ArrayNode ids) {
                for (int i = 0; i < ids.size(); i++) {
                    if (ids.get(i).isString()) {
                        ids.set(i, copy.stringNode(convert(ids.get(i).asString(), format)));
                    }
                }
            }
        }
        for (String list : QUANTITIES) {
            copy.path(list).forEach(element -> replace(element, "epcClass", format));
        }
        replace(copy, "parentID", format);
        replace(copy.path("readPoint"), "id", format);
        replace(copy.path("bizLocation"), "id", format);
        copy.path("sourceList").forEach(entry -> replace(entry, "source", format));
        copy.path("destinationList").forEach(entry -> replace(entry, "destination", format));
        return copy;
    }

    /** One identifier in the asked-for format (unchanged when it is no GS1 key, or has no URN). */
    public String convert(String id, EpcFormat format) {
        Optional<Gs1Key> key = Identifiers.key(id);
        if (key.isEmpty()) {
            return id;
        }
        if (format == EpcFormat.ALWAYS_GS1_DIGITAL_LINK) {
            return id.startsWith("urn:epc:") ? key.get().digitalLink() : id;
        }
        if (format == EpcFormat.ALWAYS_EPC_URN && !id.startsWith("urn:epc:")) {
            return prefixes.urn(key.get()).orElse(id);
        }
        return id;
    }

    private void replace(JsonNode holder, String field, EpcFormat format) {
        if (holder instanceof ObjectNode object && object.path(field).isString()) {
            object.put(field, convert(object.get(field).asString(), format));
        }
    }
}
