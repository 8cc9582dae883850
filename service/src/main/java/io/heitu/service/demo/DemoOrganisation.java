package io.heitu.service.demo;

import java.util.List;

/**
 * A demo organisation, its GS1 company prefixes (its GTINs come from them) and the demo users
 * enrolled in it (user name → role).
 */
record DemoOrganisation(
        String mspId,
        String nameZh,
        String nameEn,
        List<String> kinds,
        String county,
        List<String> companyPrefixes,
        List<String[]> users) {

    /** Ten years: the demo loads a past season's chains at start-up, long after their dates. */
    static final int HISTORIC_RECORDING_DELAY_HOURS = 24 * 3653;

    static final List<DemoOrganisation> ALL = List.of(
            new DemoOrganisation(
                    "JilinRegulatorMSP",
                    "吉林省农业农村厅",
                    "Jilin Department of Agriculture and Rural Affairs",
                    List.of("regulator"),
                    "长春市",
                    List.of(),
                    List.of(new String[] {"admin", "admin"}, new String[] {"regulator", "regulator"}, new String[] {
                        "portal", "regulator"
                    })),
            new DemoOrganisation(
                    "ShulanRiceCoopMSP",
                    "舒兰市金谷水稻种植专业合作社",
                    "Shulan Jingu Rice Cooperative",
                    List.of("cooperative"),
                    "舒兰市",
                    List.of("690123450001"),
                    List.<String[]>of(new String[] {"farmer", "producer"})),
            new DemoOrganisation(
                    "FusongGinsengMSP",
                    "抚松县参园人参种植场",
                    "Fusong Ginseng Farm",
                    List.of("farm"),
                    "抚松县",
                    List.of("690123450004"),
                    List.<String[]>of(new String[] {"ginseng", "producer"})),
            new DemoOrganisation(
                    "YanbianBeefMSP",
                    "延边黄牛养殖场",
                    "Yanbian Yellow Cattle Farm",
                    List.of("farm"),
                    "延吉市",
                    List.of("690123450005", "690123450006"),
                    List.<String[]>of(new String[] {"rancher", "producer"})),
            new DemoOrganisation(
                    "RiceMillMSP",
                    "舒兰市稻香米业有限公司",
                    "Shulan Daoxiang Rice Mill",
                    List.of("processor"),
                    "舒兰市",
                    List.of("690123450002", "690123450003"),
                    List.<String[]>of(new String[] {"miller", "processor"})),
            new DemoOrganisation(
                    "ColdChainMSP",
                    "吉林省冷链物流有限公司",
                    "Jilin Cold Chain Logistics",
                    List.of("logistics"),
                    "长春市",
                    List.of("690123450040"),
                    List.<String[]>of(new String[] {"carrier", "logistics"})),
            new DemoOrganisation(
                    "ChangchunMartMSP",
                    "长春欧亚超市",
                    "Changchun Eurasia Supermarket",
                    List.of("retailer"),
                    "长春市",
                    List.of("690123450030"),
                    List.<String[]>of(new String[] {"grocer", "retailer"})),
            new DemoOrganisation(
                    "JilinInspectionMSP",
                    "吉林省农产品质量安全检测中心",
                    "Jilin Agricultural Product Quality Testing Centre",
                    List.of("inspection_body"),
                    "长春市",
                    List.of(),
                    List.<String[]>of(new String[] {"inspector", "inspector"})));
}
