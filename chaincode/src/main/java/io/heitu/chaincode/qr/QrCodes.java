package io.heitu.chaincode.qr;

import io.heitu.chaincode.core.Change;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.core.Row;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Quantity;
import io.heitu.chaincode.epcis.Uom;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.lot.Use;
import io.heitu.chaincode.product.Norms;
import io.heitu.chaincode.product.Product;
import io.heitu.chaincode.product.Products;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** QR signing keys and code issuance records: 一检一码, no codes before a passing inspection. */
final class QrCodes {

    static final String KEY = "qrkey";
    static final String ISSUANCE = "qrissue";

    private static final int MAX_LISTED = 10_000;

    private QrCodes() {}

    static SigningKey registerKey(Tx tx, QrRequests.RegisterKey request) {
        requireValidKey(request.algorithm(), request.publicKey());
        String key = tx.key(KEY, tx.caller().mspId(), request.keyId());
        if (tx.exists(key)) {
            throw new TraceException(
                    ErrorCode.SIGNING_KEY_EXISTS, "signing key " + request.keyId() + " is already registered");
        }
        SigningKey signingKey = new SigningKey(
                tx.caller().mspId(),
                request.keyId(),
                request.algorithm(),
                request.publicKey(),
                SigningKey.ACTIVE,
                Times.format(tx.time()),
                null,
                null);
        tx.put(key, signingKey);
        tx.emit("SigningKeyRegistered", Change.of(KEY, signingKey.mspId() + "/" + signingKey.keyId()));
        return signingKey;
    }

    static SigningKey revokeKey(Tx tx, QrRequests.RevokeKey request) {
        if (tx.caller().role() != Role.REGULATOR
                && !request.mspId().equals(tx.caller().mspId())) {
            throw new TraceException(ErrorCode.FORBIDDEN_NOT_OWNER, "only the key's owner or a regulator revokes it");
        }
        SigningKey signingKey = get(tx, request.mspId(), request.keyId());
        if (SigningKey.REVOKED.equals(signingKey.status())) {
            throw new TraceException(
                    ErrorCode.SIGNING_KEY_REVOKED, "signing key " + request.keyId() + " is already revoked");
        }
        SigningKey revoked = signingKey.revoked(Times.format(tx.time()), request.reason());
        tx.put(tx.key(KEY, request.mspId(), request.keyId()), revoked);
        tx.emit("SigningKeyRevoked", Change.of(KEY, revoked.mspId() + "/" + revoked.keyId()));
        return revoked;
    }

    static List<SigningKey> keys(Tx tx, String mspId) {
        List<Row> rows = mspId == null ? tx.scan(MAX_LISTED, KEY) : tx.scan(MAX_LISTED, KEY, mspId);
        return rows.stream().map(row -> row.as(SigningKey.class)).toList();
    }

    static Issuance recordIssuance(Tx tx, QrRequests.RecordIssuance request) {
        LotRef ref = request.ref();
        Lot lot = Lots.get(tx, ref);
        String issuer = tx.caller().mspId();
        if (!lot.provenance().producerMsp().equals(issuer) && Lots.holding(tx, ref, issuer) == null) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER, "codes for lot " + ref + " come from its producer or a holder");
        }
        Lots.requireUsable(tx, lot, Use.MOVE);
        SigningKey signingKey = get(tx, issuer, request.keyId());
        if (!SigningKey.ACTIVE.equals(signingKey.status())) {
            throw new TraceException(ErrorCode.SIGNING_KEY_REVOKED, "signing key " + request.keyId() + " is revoked");
        }
        Product product = Products.get(tx, ref.gtin());
        if (Norms.inspectionRequired(tx, product)
                && (lot.inspection() == null || !lot.inspection().conformant())) {
            throw new TraceException(
                    ErrorCode.INSPECTION_REQUIRED,
                    "product " + product.gtin() + " needs a passing inspection of the lot before codes are issued");
        }
        if (Lots.view(tx, ref).remaining().isZero()) {
            throw new TraceException(
                    ErrorCode.LOT_USED_UP, "nothing of lot " + ref + " is left anywhere: no codes are issued for it");
        }
        requireUnitsLeft(tx, lot, product, request.count());
        Issuance issuance = new Issuance(
                tx.txId(),
                ref.gtin(),
                ref.lotCode(),
                issuer,
                request.keyId(),
                request.count(),
                request.perUnit(),
                request.serialsDigest(),
                Times.format(tx.time()));
        tx.put(tx.key(ISSUANCE, ref.gtin(), ref.lotCode(), tx.txId()), issuance);
        tx.emit("CodesIssued", new Change(ISSUANCE, tx.txId(), List.of(ref.epcClass()), null));
        return issuance;
    }

    /**
     * Codes never outnumber the units of a lot, across all its issuances, per-unit and per-lot
     * labels alike: a label goes on a unit. A lot counted in pieces has that many units; one counted
     * by weight has as many as its product's net content divides into it, or one per whole unit
     * of weight when the product has none.
     */
    private static void requireUnitsLeft(Tx tx, Lot lot, Product product, int count) {
        Quantity made = lot.provenance().quantity();
        BigDecimal units = made.uom() == Uom.H87 || product.netContent() == null
                ? made.value()
                : Products.kilograms(product, made)
                        .divide(
                                Products.kilograms(product, new Quantity(BigDecimal.ONE, Uom.H87)),
                                0,
                                RoundingMode.DOWN);
        long coded = count;
        for (Issuance issuance : issuances(tx, lot.ref())) {
            coded += issuance.count();
        }
        if (BigDecimal.valueOf(coded).compareTo(units.setScale(0, RoundingMode.DOWN)) > 0) {
            throw new TraceException(
                    ErrorCode.CODES_EXCEED_UNITS,
                    "lot " + lot.ref() + " has "
                            + units.setScale(0, RoundingMode.DOWN).toPlainString() + " units; with this issuance "
                            + coded + " would carry codes",
                    Map.of(
                            "units", units.setScale(0, RoundingMode.DOWN).toPlainString(),
                            "coded", Long.toString(coded - count),
                            "requested", Integer.toString(count)));
        }
    }

    static List<Issuance> issuances(Tx tx, LotRef ref) {
        Lots.get(tx, ref);
        return tx.scan(MAX_LISTED, ISSUANCE, ref.gtin(), ref.lotCode()).stream()
                .map(row -> row.as(Issuance.class))
                .toList();
    }

    private static SigningKey get(Tx tx, String mspId, String keyId) {
        return tx.read(tx.key(KEY, mspId, keyId), SigningKey.class)
                .orElseThrow(() -> new TraceException(
                        ErrorCode.SIGNING_KEY_NOT_FOUND,
                        "signing key " + Texts.clip(keyId) + " of " + mspId + " is not registered"));
    }

    /**
     * The key must decode, and an ES256 key must be on P-256 itself: other 256-bit curves
     * (secp256k1, brainpoolP256r1) decode too wherever a provider knows them.
     */
    private static void requireValidKey(String algorithm, String base64) {
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            String family = "Ed25519".equals(algorithm) ? "Ed25519" : "EC";
            PublicKey key = KeyFactory.getInstance(family).generatePublic(new X509EncodedKeySpec(der));
            if (key instanceof ECPublicKey ec && !isP256(ec.getParams())) {
                throw Texts.invalid("an ES256 key is on curve P-256");
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw Texts.invalid("publicKey is not a base64 " + algorithm + " SubjectPublicKeyInfo");
        }
    }

    private static boolean isP256(ECParameterSpec curve) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
        return p256.getCurve().equals(curve.getCurve())
                && p256.getGenerator().equals(curve.getGenerator())
                && p256.getOrder().equals(curve.getOrder());
    }
}
