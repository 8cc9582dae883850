package io.heitu.service.qr;

import java.util.List;
import java.util.Set;

/** Keys, issuance records and codes shared by the tests; keys are generated once. */
public final class Fixtures {

    public static final String GTIN = "06901234500035";
    public static final String LOT = "R5-2026-1005";
    public static final String GINSENG_GTIN = "06901234500127";
    public static final String GINSENG_LOT = "FS-2026-09";
    public static final String HOST = "q.heitu.cn";

    public static final QrKeyPair FARM_ED25519 = QrKeys.generate("ShulanFarmMSP", QrAlgorithm.ED25519);
    public static final QrKeyPair FARM_ES256 = QrKeys.generate("ShulanFarmMSP", QrAlgorithm.ES256);
    public static final QrKeyPair GINSENG_ORG = QrKeys.generate("FusongGinsengMSP", QrAlgorithm.ED25519);

    /** What the ledger's qr:Issuances would say: key id, GTIN and lot of each issuance. */
    private static final Set<List<String>> ISSUED = Set.of(
            List.of(FARM_ED25519.keyId(), GTIN, LOT),
            List.of(FARM_ES256.keyId(), GTIN, LOT),
            List.of(GINSENG_ORG.keyId(), GINSENG_GTIN, GINSENG_LOT));

    private Fixtures() {}

    public static QrKeyPair farmKey(QrAlgorithm algorithm) {
        return algorithm == QrAlgorithm.ED25519 ? FARM_ED25519 : FARM_ES256;
    }

    /** The key set a verifier would download: both farm keys and the ginseng company's, all active. */
    public static KeySet activeKeys() {
        return KeySet.of(List.of(
                FARM_ED25519.published(KeyStatus.ACTIVE),
                FARM_ES256.published(KeyStatus.ACTIVE),
                GINSENG_ORG.published(KeyStatus.ACTIVE)));
    }

    public static boolean issued(DigitalLink link, PublishedKey key) {
        return ISSUED.contains(List.of(key.keyId(), link.gtin(), link.lot()));
    }

    public static CodeVerifier verifier() {
        return new CodeVerifier(activeKeys()::find, Fixtures::issued);
    }

    public static DigitalLink unit(String serial) {
        return DigitalLink.ofUnit(GTIN, LOT, serial);
    }
}
