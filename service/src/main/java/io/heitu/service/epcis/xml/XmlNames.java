package io.heitu.service.epcis.xml;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The EPCIS 2.0 XML vocabulary: namespaces, and the order of each event type's fields in the XSD. */
final class XmlNames {

    static final String EPCIS = "urn:epcglobal:epcis:xsd:2";
    static final String EPCIS_QUERY = "urn:epcglobal:epcis-query:xsd:2";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    static final Set<String> EVENT_TYPES =
            Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent");

    /** Fields every event starts with (EPCISEventType). */
    private static final List<String> BASE = List.of(
            "eventTime", "recordTime", "eventTimeZoneOffset", "eventID", "errorDeclaration", "certificationInfo");

    private static final Map<String, List<String>> OWN = Map.of(
            "ObjectEvent",
            List.of(
                    "epcList",
                    "action",
                    "bizStep",
                    "disposition",
                    "readPoint",
                    "bizLocation",
                    "bizTransactionList",
                    "quantityList",
                    "sourceList",
                    "destinationList",
                    "sensorElementList",
                    "persistentDisposition",
                    "ilmd"),
            "AggregationEvent",
            List.of(
                    "parentID",
                    "childEPCs",
                    "action",
                    "bizStep",
                    "disposition",
                    "readPoint",
                    "bizLocation",
                    "bizTransactionList",
                    "childQuantityList",
                    "sourceList",
                    "destinationList",
                    "sensorElementList",
                    "persistentDisposition"),
            "TransactionEvent",
            List.of(
                    "bizTransactionList",
                    "parentID",
                    "epcList",
                    "action",
                    "bizStep",
                    "disposition",
                    "readPoint",
                    "bizLocation",
                    "quantityList",
                    "sourceList",
                    "destinationList",
                    "sensorElementList",
                    "persistentDisposition"),
            "TransformationEvent",
            List.of(
                    "inputEPCList",
                    "inputQuantityList",
                    "outputEPCList",
                    "outputQuantityList",
                    "transformationID",
                    "bizStep",
                    "disposition",
                    "readPoint",
                    "bizLocation",
                    "bizTransactionList",
                    "sourceList",
                    "destinationList",
                    "sensorElementList",
                    "persistentDisposition",
                    "ilmd"),
            "AssociationEvent",
            List.of(
                    "parentID",
                    "childEPCs",
                    "childQuantityList",
                    "action",
                    "bizStep",
                    "disposition",
                    "readPoint",
                    "bizLocation",
                    "bizTransactionList",
                    "sourceList",
                    "destinationList",
                    "sensorElementList",
                    "persistentDisposition"));

    static final Set<String> EPC_LISTS = Set.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    static final Set<String> QUANTITY_LISTS =
            Set.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");
    static final Set<String> DECIMAL_ATTRIBUTES =
            Set.of("value", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue");

    private XmlNames() {}

    /** The XSD's order of an event type's standard fields. */
    static List<String> fields(String eventType) {
        List<String> own = OWN.get(eventType);
        if (own == null) {
            return List.of();
        }
        List<String> all = new java.util.ArrayList<>(BASE);
        all.addAll(own);
        return all;
    }
}
