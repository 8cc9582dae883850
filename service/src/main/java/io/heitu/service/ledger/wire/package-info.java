/**
 * The chaincode's answers as records, decoded once by {@code TraceLedger} ({@link
 * io.heitu.service.ledger.wire.Wire}) and pinned by the golden wire files both sides test against
 * ({@code chaincode/src/test/resources/wire/}): lots ({@link io.heitu.service.ledger.wire.LotView},
 * {@link io.heitu.service.ledger.wire.LotState}), lineage, events, certificates, master data, QR keys
 * and issuances, recordings and pages. The one place a ledger answer is read as JSON.
 *
 * <p>Entry point: {@link io.heitu.service.ledger.wire.Wire}.
 */
package io.heitu.service.ledger.wire;
