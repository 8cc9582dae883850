/**
 * A lot, from one place: its REST API here ({@link io.heitu.service.lot.LotController}: harvests,
 * lists, a lot, its history, events, lineage, certificates, hold, release, recall), its page for
 * consumers in {@code lot.page}, and its pages in the web app in {@code app} ({@code
 * LotsController}, {@code MyLots}, {@code LotDetails}, templates {@code app/lot*.html}).
 *
 * <p>Entry point: {@link io.heitu.service.lot.LotController}.
 */
package io.heitu.service.lot;
