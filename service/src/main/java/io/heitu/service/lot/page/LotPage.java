package io.heitu.service.lot.page;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.heitu.service.ledger.wire.LotState;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * What the consumer page shows about a lot, read from the ledger once and kept until the ledger's
 * events say one of the lots it was made from changed. Times are in China's time zone (+08:00),
 * numbers are decimal strings as the ledger holds them.
 *
 * @param evidence files about the lot, the lots it was made from and its product, as the ledger
 *     records them (the files themselves are off the ledger, under {@code sha256})
 * @param issuances the ledger's issuance records, for checking codes; a scan shows only its own
 *     code's issuance (as the ledger proof), so the answer stays small however many there are
 * @param dependsOn the lot and every lot it was made from, as EPC class URIs
 */
public record LotPage(
        Product product,
        Lot lot,
        Origin origin,
        List<Step> journey,
        List<Inspection> inspections,
        Grade grade,
        List<Certificate> certificates,
        List<Evidence> evidence,
        @JsonIgnore List<Issuance> issuances,
        @JsonIgnore Set<String> dependsOn) {

    public LotPage {
        journey = List.copyOf(journey);
        inspections = List.copyOf(inspections);
        certificates = List.copyOf(certificates);
        evidence = List.copyOf(evidence);
        issuances = List.copyOf(issuances);
        dependsOn = Set.copyOf(dependsOn);
    }

    /** Certificates past their end date or revoked: the page warns about them. */
    public List<Certificate> lapsed(LocalDate today) {
        return certificates.stream()
                .filter(certificate -> certificate.lapsed(today))
                .toList();
    }

    /** An organisation; {@code uscc} is its 统一社会信用代码 and {@code county} where it is registered, when known. */
    public record Org(String mspId, String nameZh, String nameEn, String uscc, String county) {

        public Org(String mspId, String nameZh, String nameEn) {
            this(mspId, nameZh, nameEn, null, null);
        }
    }

    /** A quantity, with kilograms and 斤 (jin, 500 g) when it is a weight. */
    public record Quantity(String value, String uom, String kg, String jin) {}

    /** @param giAuthorised an active GI authorisation covers the product */
    public record Product(
            String gtin,
            String nameZh,
            String nameEn,
            String category,
            String giName,
            boolean giAuthorised,
            String standard,
            Quantity netContent,
            Org owner) {}

    /** @param state the {@link LotState} word: active, on_hold, recalled or consumed (nothing left anywhere) */
    public record Lot(
            String gtin,
            String lotCode,
            String state,
            Quantity quantity,
            Quantity remaining,
            LocalDate productionDate,
            LocalDate bestBefore,
            StatusChange hold,
            StatusChange recall,
            Org producer) {

        @JsonIgnore
        public LotState standing() {
            return state == null ? null : LotState.of(state);
        }

        public boolean soldOut() {
            return standing() == LotState.CONSUMED;
        }
    }

    /** Who held or recalled the lot, why, and from which lot it spread. */
    public record StatusChange(String reason, OffsetDateTime at, Org by, String originLot) {}

    public record Origin(Org farm, String county, Place plot, LocalDate harvestDate, String lotCode) {}

    public record Place(
            String id,
            String nameZh,
            String nameEn,
            String county,
            String township,
            String village,
            String areaMu,
            Soil soil,
            Geo geo) {}

    /**
     * Where a plot lies: a point (its centre for a field outline) and the outline's corners, in
     * WGS-84 degrees.
     *
     * @param outline the outer ring as [lon, lat] pairs; empty for a point
     */
    public record Geo(double lon, double lat, List<double[]> outline) {}

    /** Black-soil practice: 梨树模式 straw mulch and no-till keep the black soil from thinning. */
    public record Soil(String practice, String tillage, String blackSoilDepthCm, String organicMatterPct, String ph) {}

    /**
     * One step of the journey from plot to shelf; {@code note} sums up readings or results;
     * {@code lateRecorded}: put on the ledger more than 72 hours after it happened (allowed only
     * where the regulator registered a longer delay for the organisation, as for past seasons).
     */
    public record Step(
            OffsetDateTime at,
            String step,
            String lotCode,
            Org by,
            String placeZh,
            String placeEn,
            String toZh,
            String toEn,
            Quantity quantity,
            String note,
            String txId,
            Long blockNumber,
            boolean lateRecorded) {

        /** The recording delay every organisation has unless the regulator registered more. */
        static final java.time.Duration LATE = java.time.Duration.ofHours(72);
    }

    public record Inspection(
            OffsetDateTime at, String lotCode, String reportNo, String lab, String result, List<Measurement> results) {}

    public record Measurement(String analyte, String value, String unit, String limit, boolean pass) {}

    public record Grade(String label, int level, String standard, OffsetDateTime at) {}

    /** @param scope lot, product or organisation: what the certificate covers */
    public record Certificate(
            String type,
            String number,
            Org issuer,
            String standard,
            LocalDate validFrom,
            LocalDate validUntil,
            String status,
            String scope,
            String lotCode,
            String contact) {

        public boolean lapsed(LocalDate today) {
            return !"active".equals(status) || (validUntil != null && validUntil.isBefore(today));
        }
    }

    /** The evidence file recorded with this hash, if the page shows one. */
    public java.util.Optional<Evidence> evidence(String sha256) {
        return evidence.stream().filter(file -> file.sha256().equals(sha256)).findFirst();
    }

    /**
     * A file the ledger records: {@code kind} is product_photo, field_photo, inspection_report or
     * commitment; {@code lotCode} null when it is about the product.
     */
    public record Evidence(
            String kind,
            String sha256,
            String mediaType,
            Integer width,
            Integer height,
            Integer pages,
            String caption,
            String lotCode,
            Org by,
            OffsetDateTime at,
            String txId) {

        public boolean image() {
            return mediaType != null && mediaType.startsWith("image/");
        }
    }

    /** Codes issued for the lot, as the ledger records them, with where the record sits. */
    public record Issuance(
            String issuanceId, String issuerMsp, String keyId, boolean perUnit, int count, Proof proof) {}

    public record Proof(String txId, long blockNumber, String blockHash, OffsetDateTime committedAt) {}
}
