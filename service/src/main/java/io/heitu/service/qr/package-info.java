/**
 * Signed GS1 Digital Link codes: the Digital Link and GS1 keys, organisations' signing keys (made
 * here, registered on the ledger, published as a key set), issuances (recorded on the ledger before
 * anything is signed), unit serials, and checking a code offline ({@link
 * io.heitu.service.qr.CodeVerifier}). Printing codes is {@code label}.
 *
 * <p>Entry points: {@link io.heitu.service.qr.Issuances}, {@link io.heitu.service.qr.SigningKeys},
 * {@link io.heitu.service.qr.DigitalLink}.
 */
package io.heitu.service.qr;
