/**
 * A lot's page as consumers see it: the product, where it grew, every step from plot to shelf,
 * lab results, grade and certificates, read from the ledger once and dropped when the ledger's
 * events name the lot or one it was made from.
 *
 * <p>Entry point: {@link io.heitu.service.lot.page.LotPages}.
 */
package io.heitu.service.lot.page;
