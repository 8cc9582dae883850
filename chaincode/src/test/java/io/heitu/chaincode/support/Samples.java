package io.heitu.chaincode.support;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.J.qty;
import static io.heitu.chaincode.support.World.INSPECTION;
import static io.heitu.chaincode.support.World.MART;
import static io.heitu.chaincode.support.World.MILL;
import static io.heitu.chaincode.support.World.MILLED_RICE;
import static io.heitu.chaincode.support.World.PADDY;
import static io.heitu.chaincode.support.World.PLOT;
import static io.heitu.chaincode.support.World.RICE_BAG_5KG;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.epcis.EpcisIds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One well-formed request for every transaction, against a standard world with a rice chain
 * ({@code S-P} paddy … {@code S-B} bags), a certificate {@code GF-EXIST} and a mill signing key
 * {@code k-mill}. Tests that need every transaction (the role matrix, bad input) start here.
 */
public final class Samples {

    public static final String SSCC = "069012345000200015";

    private final World world;

    private final Map<Action, String> requests = new EnumMap<>(Action.class);
    private final Map<Action, List<String>> variants = new EnumMap<>(Action.class);

    /** Terms of the sample shipment of bags to the supermarket, as the transient map carries them. */
    static final String TERMS = "{\"price\":{\"amount\":\"28.50\",\"currency\":\"CNY\",\"unit\":\"bag\"},"
            + "\"contractNumber\":\"HT-S-1\",\"salt\":\"9a7c\"}";

    private Samples(World world, String harvestEventId, String shipmentEventId) {
        this.world = world;
        World.RiceChain chain = new World.RiceChain("S-P", "S-D", "S-M", "S-B");
        String time = "2026-10-04T09:00:00+08:00";
        Map<String, Object> bags = map("gtin", RICE_BAG_5KG, "lotCode", chain.bags());
        Map<String, Object> milled = map("gtin", MILLED_RICE, "lotCode", chain.milled());
        put(Action.ORG_REGISTER, of("mspId", "NewFarmMSP", "nameZh", "新农场", "kinds", list("farm")));
        put(Action.ORG_GET, of("mspId", World.COOP));
        put(Action.ORG_LIST, of("pageSize", 5));
        put(
                Action.LOCATION_REGISTER,
                of("id", "NEW-SITE", "kind", "warehouse", "nameZh", "新仓库", "address", map("county", "舒兰市")));
        put(Action.LOCATION_GET, of("id", PLOT));
        put(Action.LOCATION_LIST, of("ownerMsp", World.COOP));
        put(Action.PRODUCT_REGISTER, of("gtin", "06901234500059", "nameZh", "新产品", "category", "rice"));
        put(Action.PRODUCT_SET_POLICY, of("gtin", MILLED_RICE, "inspectionRequired", true));
        put(
                Action.PRODUCT_SET_YIELD,
                of("inputGtin", PADDY, "outputGtin", MILLED_RICE, "maxRatio", new BigDecimal("0.72")));
        put(Action.PRODUCT_REGISTER_GI_AREA, of("giName", "抚松人参", "area", World.SHULAN_AREA));
        put(Action.PRODUCT_LICENSE, of("gtin", MILLED_RICE, "mspId", World.COOP));
        put(Action.PRODUCT_REVOKE_LICENCE, of("gtin", RICE_BAG_5KG, "mspId", World.COOP));
        put(Action.PRODUCT_GET, of("gtin", PADDY));
        put(Action.PRODUCT_LIST, of("pageSize", 5));
        put(
                Action.LOT_COMMISSION,
                of(
                        "gtin",
                        PADDY,
                        "lotCode",
                        "S-NEW",
                        "quantity",
                        qty("500", "KGM"),
                        "plotId",
                        PLOT,
                        "eventTime",
                        time));
        put(Action.LOT_HOLD, J.write(with(milled, "reason", "suspected cadmium")));
        put(Action.LOT_RELEASE, of("gtin", PADDY, "lotCode", "S-H", "reason", "cleared"));
        put(Action.LOT_RECALL, J.write(with(milled, "reason", "cadmium above GB 2762")));
        put(Action.LOT_GET, J.write(bags));
        put(Action.LOT_GET_MANY, of("lots", List.of(bags, milled)));
        put(Action.LOT_LIST, of("mspId", MART));
        put(Action.LOT_HISTORY, J.write(bags));
        put(Action.LOT_EVENTS, J.write(with(bags, "pageSize", 10)));
        put(Action.LOT_LINEAGE, J.write(with(bags, "direction", "backward")));
        put(Action.LOT_FACTS, of("lots", List.of(EpcisIds.lotClass(PADDY, "S-P"), EpcisIds.lotClass(PADDY, "S-H"))));
        put(Action.LOT_REQUEST_INSPECTION, J.write(with(bags, "inspectorMsp", World.INSPECTION)));
        put(
                Action.EVENT_APPLY_INPUT,
                of(
                        "plotId",
                        PLOT,
                        "eventTime",
                        time,
                        "inputType",
                        "fertiliser",
                        "productName",
                        "尿素",
                        "dose",
                        new BigDecimal("10"),
                        "doseUnit",
                        "kg/mu"));
        put(Action.EVENT_OBSERVE, of("bizStep", "storing", "lots", list(milled), "eventTime", time));
        put(
                Action.EVENT_SHIP,
                of("lots", list(J.lot(MILLED_RICE, chain.milled(), "100", "KGM")), "toMsp", MART, "eventTime", time));
        put(
                Action.EVENT_RECEIVE,
                of("lots", list(J.lot(MILLED_RICE, chain.milled(), "100", "KGM")), "eventTime", time));
        put(Action.EVENT_SELL, of("lots", list(J.lot(RICE_BAG_5KG, chain.bags(), "1", "H87")), "eventTime", time));
        put(
                Action.EVENT_DISPOSE,
                of("lots", list(J.lot(RICE_BAG_5KG, chain.bags(), "1", "H87")), "eventTime", time, "reason", "torn"));
        put(
                Action.EVENT_TRANSFORM,
                of(
                        "kind",
                        "packing",
                        "inputs",
                        list(J.lot(MILLED_RICE, chain.milled(), "500", "KGM")),
                        "outputs",
                        list(J.lot(RICE_BAG_5KG, "S-B2", "100", "H87")),
                        "eventTime",
                        time));
        put(
                Action.EVENT_AGGREGATE,
                of(
                        "sscc",
                        SSCC,
                        "action",
                        "ADD",
                        "children",
                        list(J.lot(RICE_BAG_5KG, chain.bags(), "10", "H87")),
                        "eventTime",
                        time));
        put(
                Action.EVENT_BATCH,
                of(
                        "entries",
                        list(
                                map(
                                        "action",
                                        "observe",
                                        "request",
                                        map("bizStep", "storing", "lots", list(milled), "eventTime", time)),
                                map(
                                        "action",
                                        "observe",
                                        "request",
                                        map("bizStep", "stocking", "lots", list(milled), "eventTime", time)))));
        put(
                Action.EVENT_CAPTURE,
                of(
                        "events",
                        list(
                                map(
                                        "type",
                                        "ObjectEvent",
                                        "action",
                                        "OBSERVE",
                                        "bizStep",
                                        "https://ref.gs1.org/cbv/BizStep-storing",
                                        "eventTime",
                                        time,
                                        "eventTimeZoneOffset",
                                        "+08:00",
                                        "quantityList",
                                        list(map(
                                                "epcClass",
                                                "https://id.gs1.org/01/" + MILLED_RICE + "/10/" + chain.milled()))),
                                map(
                                        "type",
                                        "ObjectEvent",
                                        "action",
                                        "OBSERVE",
                                        "bizStep",
                                        "shipping",
                                        "eventTime",
                                        time,
                                        "eventTimeZoneOffset",
                                        "+08:00",
                                        "quantityList",
                                        list(map(
                                                "epcClass",
                                                "urn:epc:class:lgtin:4012345.012345.998877",
                                                "quantity",
                                                new BigDecimal("200"),
                                                "uom",
                                                "KGM"))))));
        put(Action.EVENT_GET, of("eventId", harvestEventId));
        put(Action.EVENT_GET_MANY, of("eventIds", List.of(harvestEventId)));
        put(Action.EVENT_READABLE, of("eventIds", List.of(harvestEventId)));
        put(Action.EVENT_PLOT_INPUTS, of("plotId", PLOT));
        put(
                Action.INSPECTION_LAB_RESULT,
                J.write(with(
                        bags,
                        "eventTime",
                        time,
                        "results",
                        list(map(
                                "analyte",
                                "cadmium",
                                "value",
                                new BigDecimal("0.05"),
                                "unit",
                                "mg/kg",
                                "limit",
                                new BigDecimal("0.2"))))));
        put(
                Action.INSPECTION_CERTIFY,
                J.write(with(
                        bags,
                        "number",
                        "GF-2026-001",
                        "type",
                        "green_food",
                        "validFrom",
                        "2026-10-01",
                        "validUntil",
                        "2027-09-30")));
        put(
                Action.INSPECTION_COMMIT,
                of("number", "CM-2026-001", "gtin", PADDY, "lotCode", chain.paddy(), "basis", "self_test"));
        put(Action.INSPECTION_REVOKE, of("issuerMsp", INSPECTION, "number", "GF-EXIST", "reason", "withdrawn"));
        put(
                Action.INSPECTION_GRADE,
                J.write(with(bags, "standard", "GB/T 1354", "level", 1, "label", "一级", "eventTime", time)));
        put(Action.INSPECTION_CERTIFICATE, of("issuerMsp", INSPECTION, "number", "GF-EXIST"));
        put(Action.INSPECTION_CERTIFICATES, J.write(bags));
        put(Action.INSPECTION_RANKING, of("category", "rice"));
        put(Action.QR_REGISTER_KEY, of("keyId", "k-new", "algorithm", "Ed25519", "publicKey", SigningKeys.ED25519));
        put(Action.QR_REVOKE_KEY, of("mspId", MILL, "keyId", "k-mill", "reason", "key rotated"));
        put(Action.QR_RECORD_ISSUANCE, J.write(with(milled, "keyId", "k-mill", "count", 1000, "perUnit", true)));
        put(Action.QR_KEYS, of("mspId", MILL));
        put(Action.QR_ISSUANCES, J.write(bags));
        put(
                Action.EVIDENCE_ATTACH,
                of(
                        "gtin",
                        RICE_BAG_5KG,
                        "kind",
                        "product_photo",
                        "sha256",
                        "ab".repeat(32),
                        "mediaType",
                        "image/jpeg",
                        "bytes",
                        48_000,
                        "width",
                        1200,
                        "height",
                        900));
        put(Action.EVIDENCE_LIST, J.write(bags));
        put(Action.TERMS_RECORD, of("shipmentEventId", shipmentEventId));
        put(Action.TERMS_GET, of("shipmentEventId", shipmentEventId));
        put(Action.TERMS_VERIFY, of("shipmentEventId", shipmentEventId));
        for (Action action : Action.values()) {
            if (!requests.containsKey(action)) {
                throw new IllegalStateException("no sample request for " + action);
            }
        }
        putVariants(time, bags, milled);
    }

    /** Second requests naming every optional field, or the other shape of an either-or request. */
    private void putVariants(String time, Map<String, Object> bags, Map<String, Object> milled) {
        variant(
                Action.ORG_REGISTER,
                of(
                        "mspId",
                        "NewCoopMSP",
                        "nameZh",
                        "新合作社",
                        "nameEn",
                        "New co-op",
                        "kinds",
                        list("cooperative", "retailer"),
                        "gln",
                        "6901234500103",
                        "uscc",
                        "91220183MA0Y12340H",
                        "county",
                        "舒兰市",
                        "companyPrefixes",
                        list("690123450010"),
                        "recordingDelayHours",
                        24));
        variant(
                Action.LOCATION_REGISTER,
                of(
                        "id",
                        "NEW-STORE",
                        "ownerMsp",
                        MART,
                        "kind",
                        "store",
                        "nameZh",
                        "新门店",
                        "nameEn",
                        "New store",
                        "gln",
                        "6901234500301",
                        "address",
                        map("province", "吉林省", "city", "长春市", "county", "朝阳区", "township", "前进街道", "village", "一社区"),
                        "geo",
                        map("type", "Point", "coordinates", list(new BigDecimal("125.32"), new BigDecimal("43.88"))),
                        "areaMu",
                        new BigDecimal("0.5")));
        variant(Action.LOCATION_LIST, of("pageSize", 2, "bookmark", ""));
        variant(
                Action.PRODUCT_REGISTER,
                of(
                        "gtin",
                        "06901234500066",
                        "nameZh",
                        "舒兰大米 10kg",
                        "nameEn",
                        "Shulan rice 10 kg",
                        "category",
                        "rice",
                        "giName",
                        "舒兰大米",
                        "standard",
                        "GB/T 1354",
                        "inspectionRequired",
                        true,
                        "netContent",
                        qty("10", "KGM"),
                        "shelfLifeDays",
                        365,
                        "ownerMsp",
                        MILL));
        variant(
                Action.LOT_COMMISSION,
                of(
                        "gtin",
                        PADDY,
                        "lotCode",
                        "S-NEW2",
                        "quantity",
                        qty("500", "KGM"),
                        "origin",
                        "harvest",
                        "plotId",
                        PLOT,
                        "eventTime",
                        time,
                        "ilmd",
                        map("variety", "稻花香2号", "moisturePct", new BigDecimal("16.5"))));
        variant(Action.LOT_LIST, of("mspId", MART, "produced", true, "pageSize", 2, "bookmark", ""));
        variant(
                Action.LOT_LINEAGE,
                of("gtin", PADDY, "lotCode", "S-P", "direction", "forward", "maxDepth", 3, "pageSize", 2, "offset", 1));
        variant(
                Action.EVENT_APPLY_INPUT,
                of(
                        "plotId",
                        PLOT,
                        "eventTime",
                        time,
                        "inputType",
                        "pesticide",
                        "productName",
                        "吡虫啉",
                        "activeIngredient",
                        "imidacloprid",
                        "registrationNo",
                        "PD20080001",
                        "dose",
                        new BigDecimal("0.02"),
                        "doseUnit",
                        "kg/mu",
                        "treatedAreaMu",
                        new BigDecimal("85.5"),
                        "phiDays",
                        21,
                        "operator",
                        "王师傅",
                        "note",
                        "稻飞虱"));
        variant(
                Action.EVENT_OBSERVE,
                of(
                        "bizStep",
                        "storing",
                        "disposition",
                        "sellable_not_accessible",
                        "lots",
                        list(milled),
                        "eventTime",
                        time,
                        "locationId",
                        World.MILL_SITE,
                        "sensorReadings",
                        list(map(
                                "type",
                                "Temperature",
                                "value",
                                new BigDecimal("4.5"),
                                "uom",
                                "CEL",
                                "time",
                                time,
                                "deviceId",
                                "WH-T1")),
                        "note",
                        "仓库"));
        variant(
                Action.EVENT_SHIP,
                of(
                        "lots",
                        list(J.lot(MILLED_RICE, "S-M", "100", "KGM")),
                        "toMsp",
                        MART,
                        "carrierMsp",
                        World.CARRIER,
                        "fromLocationId",
                        World.MILL_SITE,
                        "toLocationId",
                        World.STORE,
                        "eventTime",
                        time,
                        "despatchAdvice",
                        "DA-0417",
                        "returnShipment",
                        false));
        variant(
                Action.EVENT_RECEIVE,
                of(
                        "lots",
                        list(J.lot(MILLED_RICE, "S-M", "100", "KGM")),
                        "fromMsp",
                        MILL,
                        "locationId",
                        World.STORE,
                        "eventTime",
                        time));
        variant(
                Action.EVENT_SELL,
                of(
                        "lots",
                        list(J.lot(RICE_BAG_5KG, "S-B", "1", "H87")),
                        "locationId",
                        World.STORE,
                        "eventTime",
                        time,
                        "reference",
                        "POS-1",
                        "reason",
                        "sale"));
        variant(
                Action.EVENT_AGGREGATE,
                of(
                        "sscc",
                        SSCC,
                        "action",
                        "ADD",
                        "children",
                        list(J.lot(RICE_BAG_5KG, "S-B", "10", "H87")),
                        "bizStep",
                        "loading",
                        "locationId",
                        World.MILL_SITE,
                        "eventTime",
                        time));
        variant(
                Action.INSPECTION_LAB_RESULT,
                J.write(with(
                        bags,
                        "kind",
                        "inspecting",
                        "eventTime",
                        time,
                        "reportNo",
                        "JL-1",
                        "lab",
                        "吉林省检测中心",
                        "results",
                        list(map(
                                "analyte",
                                "protein",
                                "value",
                                new BigDecimal("7.5"),
                                "unit",
                                "%",
                                "limit",
                                new BigDecimal("7"),
                                "limitType",
                                "min",
                                "method",
                                "GB 5009.5")))));
        variant(
                Action.INSPECTION_CERTIFY,
                of(
                        "number",
                        "OG-2026-001",
                        "type",
                        "organic",
                        "mspId",
                        World.COOP,
                        "productGtin",
                        PADDY,
                        "standard",
                        "GB/T 19630",
                        "validFrom",
                        "2026-01-01",
                        "validUntil",
                        "2026-12-31",
                        "documentHash",
                        "ab".repeat(32)));
        variant(
                Action.INSPECTION_COMMIT,
                of(
                        "number",
                        "CM-2026-002",
                        "gtin",
                        PADDY,
                        "lotCode",
                        "S-P",
                        "basis",
                        "entrusted_test",
                        "promises",
                        list("no_banned_pesticides_or_drugs"),
                        "contact",
                        "0432-1234567",
                        "validUntil",
                        "2027-10-01"));
        variant(Action.INSPECTION_CERTIFICATES, of("mspId", World.COOP));
        variant(Action.INSPECTION_RANKING, of("category", "rice", "scope", "producers", "pageSize", 5, "bookmark", ""));
        variant(
                Action.QR_RECORD_ISSUANCE,
                J.write(with(
                        milled, "keyId", "k-mill", "count", 1, "perUnit", false, "serialsDigest", "cd".repeat(32))));
        variant(Action.QR_KEYS, "{}");
        variant(
                Action.EVIDENCE_ATTACH,
                J.write(with(
                        bags,
                        "kind",
                        "product_photo",
                        "sha256",
                        "cd".repeat(32),
                        "mediaType",
                        "image/png",
                        "bytes",
                        1,
                        "caption",
                        "五公斤袋装")));
        variant(Action.EVIDENCE_LIST, of("gtin", RICE_BAG_5KG));
    }

    /** A standard world with the sample rice chain, certificate and key in place. */
    public static Samples prepare() {
        World world = World.standard();
        world.riceChain("S");
        String harvest = world.query(world.farmer, "lot:Get", of("gtin", PADDY, "lotCode", "S-P"))
                .json()
                .at("/lot/provenance/eventId")
                .asText();
        world.ok(
                world.inspector,
                "inspection:IssueCertificate",
                of(
                        "number",
                        "GF-EXIST",
                        "type",
                        "green_food",
                        "mspId",
                        World.COOP,
                        "validFrom",
                        "2026-01-01",
                        "validUntil",
                        "2028-12-31"));
        world.ok(
                world.miller,
                "qr:RegisterKey",
                of("keyId", "k-mill", "algorithm", "ES256", "publicKey", SigningKeys.ES256));
        world.ok(world.miller, "event:Ship", world.shipment(MILLED_RICE, "S-M", "100", MART));
        String shipment = world.ok(world.miller, "event:Ship", world.shipment(RICE_BAG_5KG, "S-B", "10", MART))
                .eventId();
        world.require(
                world.ledger.submit(world.miller, "terms:Record", of("shipmentEventId", shipment), transientTerms()));
        world.require(world.receive(world.grocer, RICE_BAG_5KG, "S-B", "10", "H87"));
        world.require(world.harvest("S-H", "800"));
        world.ok(world.miller, "product:License", of("gtin", RICE_BAG_5KG, "mspId", World.COOP));
        world.require(world.hold(world.inspector, PADDY, "S-H", "sampling"));
        return new Samples(world, harvest, shipment);
    }

    /** The role whose user the sample request is written for: it succeeds for that user. */
    public static Role doer(Action action) {
        return switch (action) {
            case ORG_REGISTER -> Role.ADMIN;
            case LOCATION_REGISTER, EVENT_RECEIVE, EVENT_SELL, EVENT_DISPOSE -> Role.RETAILER;
            case LOT_COMMISSION, EVENT_APPLY_INPUT, INSPECTION_COMMIT -> Role.PRODUCER;
            case PRODUCT_SET_POLICY, PRODUCT_SET_YIELD, PRODUCT_REGISTER_GI_AREA, LOT_FACTS -> Role.REGULATOR;
            case LOT_HOLD,
                    LOT_RELEASE,
                    LOT_RECALL,
                    INSPECTION_LAB_RESULT,
                    INSPECTION_CERTIFY,
                    INSPECTION_REVOKE,
                    INSPECTION_GRADE -> Role.INSPECTOR;
            case PRODUCT_REGISTER,
                    PRODUCT_LICENSE,
                    PRODUCT_REVOKE_LICENCE,
                    EVENT_OBSERVE,
                    EVENT_SHIP,
                    EVENT_TRANSFORM,
                    EVENT_AGGREGATE,
                    EVENT_BATCH,
                    EVENT_CAPTURE,
                    QR_REGISTER_KEY,
                    QR_REVOKE_KEY,
                    QR_RECORD_ISSUANCE,
                    LOT_REQUEST_INSPECTION,
                    EVIDENCE_ATTACH -> Role.PROCESSOR;
            // Reads are open to every role.
            default -> Role.RETAILER;
        };
    }

    /** The transient map the action's sample request goes with: the terms for terms:Record and Verify. */
    public Map<String, byte[]> transientData(Action action) {
        return action == Action.TERMS_RECORD || action == Action.TERMS_VERIFY ? transientTerms() : Map.of();
    }

    private static Map<String, byte[]> transientTerms() {
        return Map.of("terms", TERMS.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public World world() {
        return world;
    }

    public String request(Action action) {
        return requests.get(action);
    }

    /** The sample request and its variants: each succeeds for the action's doer. */
    public List<String> requests(Action action) {
        List<String> all = new ArrayList<>(List.of(requests.get(action)));
        all.addAll(variants.getOrDefault(action, List.of()));
        return all;
    }

    private void variant(Action action, String request) {
        variants.computeIfAbsent(action, a -> new ArrayList<>()).add(request);
    }

    private void put(Action action, String request) {
        requests.put(action, request);
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> copy = map();
        copy.putAll(base);
        copy.putAll(map(more));
        return copy;
    }
}
