package io.heitu.chaincode.support;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.J.qty;

import io.heitu.chaincode.core.Role;
import io.heitu.ledger.identity.Enrollment;

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

    public final TestLedger ledger = new TestLedger();

    public final Enrollment admin = Actors.user(REGULATOR, Role.ADMIN);
    public final Enrollment regulator = Actors.user(REGULATOR, Role.REGULATOR);
    public final Enrollment farmer = Actors.user(COOP, Role.PRODUCER);
    public final Enrollment miller = Actors.user(MILL, Role.PROCESSOR);
    public final Enrollment carrier = Actors.user(CARRIER, Role.LOGISTICS);
    public final Enrollment grocer = Actors.user(MART, Role.RETAILER);
    public final Enrollment inspector = Actors.user(INSPECTION, Role.INSPECTOR);
    public final Enrollment ginsengFarmer = Actors.user(GINSENG_FARM, Role.PRODUCER);

    /** Organisations only. */
    public static World organisations() {
        World world = new World();
        world.ok(world.admin, "org:Register", of("mspId", REGULATOR, "nameZh", "吉林省农业农村厅", "kinds", list("regulator")));
        world.registerOrg(COOP, "舒兰市金谷水稻专业合作社", "cooperative");
        world.registerOrg(MILL, "舒兰市稻香米业有限公司", "processor");
        world.registerOrg(CARRIER, "吉林冷链物流有限公司", "logistics");
        world.registerOrg(MART, "长春欧亚超市", "retailer");
        world.registerOrg(INSPECTION, "吉林省农产品质量安全检测中心", "inspection_body");
        world.registerOrg(GINSENG_FARM, "抚松县人参种植场", "farm");
        return world;
    }

    /** Organisations, products and sites. */
    public static World standard() {
        World world = organisations();
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
                                list(new java.math.BigDecimal("126.9652"), new java.math.BigDecimal("44.4097"))),
                        "areaMu",
                        new java.math.BigDecimal("85.5"),
                        "soil",
                        map(
                                "organicMatterPct",
                                new java.math.BigDecimal("3.8"),
                                "tillage",
                                "straw_mulch",
                                "practice",
                                "梨树模式")));
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
        ok(admin, "org:Register", of("mspId", mspId, "nameZh", nameZh, "kinds", list(kind)));
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
}
