package io.heitu.chaincode.support;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.J.qty;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.Role;
import io.heitu.identity.Enrollment;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A small Jilin supply chain on a fresh ledger: a regulator who bootstrapped the consortium, the
 * Shulan rice cooperative with a paddy plot, a rice mill, a cold-chain carrier, a Changchun
 * supermarket and the provincial inspection centre, with their products.
 */
public final class World {

    public static final String REGULATOR = "JilinRegulatorMSP";
    public static final String COOP = "ShulanRiceCoopMSP";
    public static final String MILL = "RiceMillMSP";
    public static final String CARRIER = "ColdChainMSP";
    public static final String MART = "ChangchunMartMSP";
    public static final String INSPECTION = "JilinInspectionMSP";
    public static final String GINSENG_FARM = "FusongGinsengMSP";

    public static final String PADDY = "06901234500011";
    public static final String MILLED_RICE = "06901234500028";
    public static final String RICE_BAG_5KG = "06901234500035";
    public static final String GINSENG = "06901234500042";

    public static final String PLOT = "SL-PLOT-07";
    public static final String MILL_SITE = "MILL-SHULAN";
    public static final String STORE = "MART-CC-01";

    public final TestLedger ledger;

    /** Hours its organisations may record late; null registers them with the chaincode's default. */
    private final Integer recordingDelayHours;

    public World() {
        this(RECORDING_DELAY_HOURS);
    }

    private World(Integer recordingDelayHours) {
        this(recordingDelayHours, new TestLedger());
    }

    private World(Integer recordingDelayHours, TestLedger ledger) {
        this.recordingDelayHours = recordingDelayHours;
        this.ledger = ledger;
    }

    /** A world in the state this one is in now, on a ledger of its own. */
    public World copy() {
        World copy = new World(recordingDelayHours, ledger.copy());
        copy.eventClock = eventClock;
        return copy;
    }

    private OffsetDateTime eventClock = OffsetDateTime.parse("2026-10-01T06:00:00+08:00");

    public final Enrollment admin = Actors.user(REGULATOR, Role.ADMIN);
    public final Enrollment regulator = Actors.user(REGULATOR, Role.REGULATOR);
    public final Enrollment farmer = Actors.user(COOP, Role.PRODUCER);
    public final Enrollment miller = Actors.user(MILL, Role.PROCESSOR);
    public final Enrollment carrier = Actors.user(CARRIER, Role.LOGISTICS);
    public final Enrollment grocer = Actors.user(MART, Role.RETAILER);
    public final Enrollment inspector = Actors.user(INSPECTION, Role.INSPECTOR);
    public final Enrollment ginsengFarmer = Actors.user(GINSENG_FARM, Role.PRODUCER);

    /** A user of the world whose organisation's kind allows the role. */
    public Enrollment user(Role role) {
        return switch (role) {
            case PRODUCER -> farmer;
            case PROCESSOR -> miller;
            case LOGISTICS -> carrier;
            case RETAILER -> grocer;
            case INSPECTOR -> inspector;
            case REGULATOR -> regulator;
            case ADMIN -> admin;
        };
    }

    /**
     * How late the world's organisations may record a step: a month, so that examples can be dated
     * freely around the ledger's clock. The default of 72 hours is tested on its own.
     */
    public static final int RECORDING_DELAY_HOURS = 720;

    /** The GS1 company prefixes of each organisation: GTINs, GLNs and SSCCs come from them. */
    public static final java.util.Map<String, List<String>> PREFIXES = java.util.Map.of(
            COOP, List.of("690123450000", "690123450001", "690123450020"),
            MILL, List.of("690123450002", "690123450003", "690123450005", "690123450006", "690123450008"),
            GINSENG_FARM, List.of("690123450004"),
            MART, List.of("690123450030"),
            CARRIER, List.of("690123450040"));

    /** Organisations only. */
    public static World organisations() {
        return organisations(new World());
    }

    /** The standard world with organisations registered with the default recording delay (72 h). */
    public static World standardWithDefaultDelay() {
        return standard(organisations(new World(null)));
    }

    private static World organisations(World world) {
        world.ok(world.admin, "org:Register", of("mspId", REGULATOR, "nameZh", "吉林省农业农村厅", "kinds", list("regulator")));
        world.registerOrg(COOP, "舒兰市金谷水稻专业合作社", "cooperative");
        world.registerOrg(MILL, "舒兰市稻香米业有限公司", "processor");
        world.registerOrg(CARRIER, "吉林冷链物流有限公司", "logistics");
        world.registerOrg(MART, "长春欧亚超市", "retailer");
        world.registerOrg(INSPECTION, "吉林省农产品质量安全检测中心", "inspection_body");
        world.registerOrg(GINSENG_FARM, "抚松县人参种植场", "farm");
        return world;
    }

    /** The area of 舒兰大米 the regulator registers: the county around the cooperative's plot. */
    public static final Object SHULAN_AREA = map(
            "type",
            "Polygon",
            "coordinates",
            list(list(
                    list(new BigDecimal("126.5"), new BigDecimal("44.0")),
                    list(new BigDecimal("127.5"), new BigDecimal("44.0")),
                    list(new BigDecimal("127.5"), new BigDecimal("44.9")),
                    list(new BigDecimal("126.5"), new BigDecimal("44.9")),
                    list(new BigDecimal("126.5"), new BigDecimal("44.0")))));

    /** Most paddy one mu yields in a season, as the regulator registers it. */
    public static final String PADDY_MAX_PER_MU = "800";

    /** Organisations, products and sites. */
    public static World standard() {
        return standard(organisations());
    }

    private static World standard(World world) {
        world.ok(
                world.farmer,
                "product:Register",
                of("gtin", PADDY, "nameZh", "舒兰稻谷", "nameEn", "Shulan paddy", "category", "rice"));
        world.ok(
                world.miller,
                "product:Register",
                of(
                        "gtin",
                        MILLED_RICE,
                        "nameZh",
                        "舒兰大米（散装）",
                        "nameEn",
                        "Shulan milled rice, bulk",
                        "category",
                        "rice",
                        "standard",
                        "GB/T 1354"));
        world.ok(
                world.miller,
                "product:Register",
                of(
                        "gtin",
                        RICE_BAG_5KG,
                        "nameZh",
                        "舒兰大米 5kg",
                        "nameEn",
                        "Shulan rice 5 kg",
                        "category",
                        "rice",
                        "giName",
                        "舒兰大米",
                        "standard",
                        "GB/T 1354",
                        "inspectionRequired",
                        true,
                        "netContent",
                        qty("5", "KGM")));
        world.ok(
                world.ginsengFarmer,
                "product:Register",
                of(
                        "gtin",
                        GINSENG,
                        "nameZh",
                        "抚松人参",
                        "nameEn",
                        "Fusong ginseng",
                        "category",
                        "ginseng",
                        "inspectionRequired",
                        true));
        world.ok(
                world.farmer,
                "location:Register",
                of(
                        "id",
                        PLOT,
                        "kind",
                        "plot",
                        "nameZh",
                        "金谷村7号地块",
                        "address",
                        map("province", "吉林省", "city", "吉林市", "county", "舒兰市", "township", "平安镇"),
                        "geo",
                        map(
                                "type",
                                "Point",
                                "coordinates",
                                list(new BigDecimal("126.9652"), new BigDecimal("44.4097"))),
                        "areaMu",
                        new BigDecimal("85.5"),
                        "soil",
                        map("organicMatterPct", new BigDecimal("3.8"), "tillage", "straw_mulch", "practice", "梨树模式")));
        world.ok(
                world.regulator, "product:SetPolicy", of("gtin", PADDY, "maxYieldPerMu", qty(PADDY_MAX_PER_MU, "KGM")));
        world.ok(world.regulator, "product:SetPolicy", of("gtin", GINSENG, "maxYieldPerMu", qty("100", "KGM")));
        world.ok(world.regulator, "product:RegisterGiArea", of("giName", "舒兰大米", "area", SHULAN_AREA));
        world.ok(
                world.miller,
                "location:Register",
                of("id", MILL_SITE, "kind", "factory", "nameZh", "稻香米业加工厂", "address", map("county", "舒兰市")));
        world.ok(
                world.grocer,
                "location:Register",
                of(
                        "id",
                        STORE,
                        "kind",
                        "store",
                        "nameZh",
                        "欧亚超市人民大街店",
                        "address",
                        map("city", "长春市", "county", "朝阳区")));
        return world;
    }

    public void registerOrg(String mspId, String nameZh, String kind) {
        ok(
                admin,
                "org:Register",
                of(
                        "mspId",
                        mspId,
                        "nameZh",
                        nameZh,
                        "kinds",
                        list(kind),
                        "companyPrefixes",
                        PREFIXES.getOrDefault(mspId, List.of()),
                        "recordingDelayHours",
                        recordingDelayHours));
    }

    /** A harvest of paddy on the cooperative's plot, in kilograms. */
    public Result harvest(String lotCode, String kilograms, String eventTime) {
        return ledger.submit(
                farmer,
                "lot:Commission",
                of(
                        "gtin",
                        PADDY,
                        "lotCode",
                        lotCode,
                        "quantity",
                        qty(kilograms, "KGM"),
                        "plotId",
                        PLOT,
                        "eventTime",
                        eventTime,
                        "ilmd",
                        map("variety", "稻花香2号")));
    }

    /** A harvest of paddy dated by the world's event clock. */
    public Result harvest(String lotCode, String kilograms) {
        return harvest(lotCode, kilograms, nextTime());
    }

    /**
     * An event time one minute after the previous one, so that two otherwise equal events in a test
     * are two events, not one recorded twice. Starts on 1 October 2026, before the ledger's clock.
     */
    public String nextTime() {
        eventClock = eventClock.plusMinutes(1);
        return eventClock.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** A shipment request of a quantity in the lot's usual unit (pieces for bags, else kilograms). */
    public String shipment(String gtin, String lotCode, String value, String toMsp) {
        String uom = gtin.equals(RICE_BAG_5KG) ? "H87" : "KGM";
        return of("lots", list(J.lot(gtin, lotCode, value, uom)), "toMsp", toMsp, "eventTime", nextTime());
    }

    public Result ship(Enrollment from, String toMsp, String gtin, String lotCode, String value, String uom) {
        return ledger.submit(
                from,
                "event:Ship",
                of("lots", list(J.lot(gtin, lotCode, value, uom)), "toMsp", toMsp, "eventTime", nextTime()));
    }

    public Result shipVia(
            Enrollment from, String toMsp, String carrierMsp, String gtin, String lotCode, String value, String uom) {
        return ledger.submit(
                from,
                "event:Ship",
                of(
                        "lots",
                        list(J.lot(gtin, lotCode, value, uom)),
                        "toMsp",
                        toMsp,
                        "carrierMsp",
                        carrierMsp,
                        "eventTime",
                        nextTime()));
    }

    public Result receive(Enrollment to, String gtin, String lotCode, String value, String uom) {
        return ledger.submit(
                to, "event:Receive", of("lots", list(J.lot(gtin, lotCode, value, uom)), "eventTime", nextTime()));
    }

    public Result sell(Enrollment seller, String gtin, String lotCode, String value, String uom) {
        return ledger.submit(
                seller, "event:Sell", of("lots", list(J.lot(gtin, lotCode, value, uom)), "eventTime", nextTime()));
    }

    public Result dispose(Enrollment holder, String gtin, String lotCode, String value, String uom) {
        return ledger.submit(
                holder,
                "event:Dispose",
                of("lots", list(J.lot(gtin, lotCode, value, uom)), "eventTime", nextTime(), "reason", "recall"));
    }

    /** {@code inputs} and {@code outputs} are {@link J#lot} maps. */
    public Result transform(Enrollment maker, String kind, List<Object> inputs, List<Object> outputs) {
        return ledger.submit(
                maker,
                "event:Transform",
                of("kind", kind, "inputs", inputs, "outputs", outputs, "eventTime", nextTime()));
    }

    /** One cadmium measurement in mg/kg against GB 2762's limit for rice, 0.2 mg/kg. */
    public Result labResult(String gtin, String lotCode, String cadmium) {
        return ledger.submit(
                inspector,
                "inspection:RecordLabResult",
                of(
                        "gtin",
                        gtin,
                        "lotCode",
                        lotCode,
                        "eventTime",
                        nextTime(),
                        "reportNo",
                        "JL-" + lotCode,
                        "results",
                        list(map(
                                "analyte",
                                "cadmium",
                                "value",
                                new BigDecimal(cadmium),
                                "unit",
                                "mg/kg",
                                "limit",
                                new BigDecimal("0.2"),
                                "method",
                                "GB 5009.15"))));
    }

    public Result hold(Enrollment who, String gtin, String lotCode, String reason) {
        return ledger.submit(who, "lot:Hold", of("gtin", gtin, "lotCode", lotCode, "reason", reason));
    }

    public Result release(Enrollment who, String gtin, String lotCode, String reason) {
        return ledger.submit(who, "lot:Release", of("gtin", gtin, "lotCode", lotCode, "reason", reason));
    }

    public Result recall(Enrollment who, String gtin, String lotCode, String reason) {
        return ledger.submit(who, "lot:Recall", of("gtin", gtin, "lotCode", lotCode, "reason", reason));
    }

    /** The lot as {@code lot:Get} shows it to a regulator, who sees every holder. */
    public JsonNode lot(String gtin, String lotCode) {
        return query(regulator, "lot:Get", of("gtin", gtin, "lotCode", lotCode)).json();
    }

    /** How much of the lot an organisation holds, as a plain decimal ("0" when none). */
    public String held(String gtin, String lotCode, String mspId) {
        for (JsonNode holding : lot(gtin, lotCode).path("holdings")) {
            if (holding.path("mspId").asText().equals(mspId)) {
                return holding.at("/quantity/value").decimalValue().toPlainString();
            }
        }
        return "0";
    }

    /** Lots of the standard rice chain, from the paddy to the 5 kg bags. */
    public record RiceChain(String paddy, String dried, String milled, String bags) {}

    /**
     * The cooperative harvests 12 000 kg of paddy and dries it to 10 800 kg, ships it to the mill,
     * which receives it, mills 7 000 kg of rice and packs 1 000 bags of 5 kg from 5 000 kg of it.
     */
    public RiceChain riceChain(String prefix) {
        RiceChain chain = new RiceChain(prefix + "-P", prefix + "-D", prefix + "-M", prefix + "-B");
        require(harvest(chain.paddy(), "12000"));
        require(transform(
                farmer,
                "drying",
                list(J.lot(PADDY, chain.paddy(), "12000", "KGM")),
                list(J.lot(PADDY, chain.dried(), "10800", "KGM"))));
        require(ship(farmer, MILL, PADDY, chain.dried(), "10800", "KGM"));
        require(receive(miller, PADDY, chain.dried(), "10800", "KGM"));
        require(transform(
                miller,
                "milling",
                list(J.lot(PADDY, chain.dried(), "10800", "KGM")),
                list(J.lot(MILLED_RICE, chain.milled(), "7000", "KGM"))));
        require(transform(
                miller,
                "packing",
                list(J.lot(MILLED_RICE, chain.milled(), "5000", "KGM")),
                list(J.lot(RICE_BAG_5KG, chain.bags(), "1000", "H87"))));
        return chain;
    }

    public Result ok(Enrollment user, String transaction, String request) {
        Result result = ledger.submit(user, transaction, request);
        if (!result.ok()) {
            throw new AssertionError(transaction + " refused: " + result.message());
        }
        return result;
    }

    public Result query(Enrollment user, String transaction, String request) {
        return ledger.evaluate(user, transaction, request);
    }

    /** Fails the test when a step of its set-up is refused. */
    public Result require(Result result) {
        if (!result.ok()) {
            throw new AssertionError("setting up the world failed: " + result.message());
        }
        return result;
    }
}
