/**
 * Evidence files: product and field photos, inspection reports and the 承诺达标合格证 as an image.
 * Uploads are re-encoded, kept off the ledger in a content-addressed store (local disk or S3), and
 * recorded on the ledger by hash ({@code evidence:Attach}); every file served is checked against
 * that hash.
 *
 * <p>Entry point: {@link io.heitu.service.evidence.Evidence}.
 */
package io.heitu.service.evidence;
