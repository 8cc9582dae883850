package io.heitu.chaincode.epcis;

import java.util.Arrays;
import java.util.List;

/**
 * The order in which the standard fields of an event, and of its standard sub-structures, enter the
 * pre-hash string of the CBV 2.0 event hash ID. Fields absent from this order, user extensions above
 * all, follow at the end, sorted.
 *
 * <p>bizTransactionList, sourceList and destinationList are deliberately missing: the reference
 * lists them, but its (type, value) pairs never match the names it looks for, so in every published
 * hash they fall through to the sorted tail. Leaving them out here reproduces those hashes.
 */
record EventHashOrder(String name, List<EventHashOrder> children) {

    private static final List<EventHashOrder> QUANTITY_ELEMENT =
            List.of(of("quantityElement", leaves("epcClass", "quantity", "uom")));

    private static final List<EventHashOrder> SENSOR_METADATA = leaves(
            "time",
            "startTime",
            "endTime",
            "deviceID",
            "deviceMetadata",
            "rawData",
            "dataProcessingMethod",
            "bizRules");

    private static final List<EventHashOrder> SENSOR_REPORT = leaves(
            "type",
            "exception",
            "deviceID",
            "deviceMetadata",
            "rawData",
            "dataProcessingMethod",
            "time",
            "microorganism",
            "chemicalSubstance",
            "value",
            "component",
            "stringValue",
            "booleanValue",
            "hexBinaryValue",
            "uriValue",
            "minValue",
            "maxValue",
            "meanValue",
            "sDev",
            "percRank",
            "percValue",
            "uom",
            "coordinateReferenceSystem");

    static final List<EventHashOrder> EVENT = List.of(
            leaf("eventTime"),
            leaf("eventTimeZoneOffset"),
            leaf("certificationInfo"),
            leaf("parentID"),
            of("epcList", leaves("epc")),
            of("inputEPCList", leaves("epc")),
            of("childEPCs", leaves("epc")),
            of("quantityList", QUANTITY_ELEMENT),
            of("childQuantityList", QUANTITY_ELEMENT),
            of("inputQuantityList", QUANTITY_ELEMENT),
            of("outputEPCList", leaves("epc")),
            of("outputQuantityList", QUANTITY_ELEMENT),
            leaf("action"),
            leaf("transformationID"),
            leaf("bizStep"),
            leaf("disposition"),
            of("persistentDisposition", leaves("set", "unset")),
            of("readPoint", leaves("id")),
            of("bizLocation", leaves("id")),
            of(
                    "sensorElementList",
                    List.of(of(
                            "sensorElement",
                            List.of(of("sensorMetadata", SENSOR_METADATA), of("sensorReport", SENSOR_REPORT))))));

    EventHashOrder {
        children = List.copyOf(children);
    }

    private static EventHashOrder of(String name, List<EventHashOrder> children) {
        return new EventHashOrder(name, children);
    }

    private static EventHashOrder leaf(String name) {
        return new EventHashOrder(name, List.of());
    }

    private static List<EventHashOrder> leaves(String... names) {
        return Arrays.stream(names).map(EventHashOrder::leaf).toList();
    }
}
