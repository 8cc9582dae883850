/**
 * The web app for farms, mills, carriers, shops, inspectors and regulators: server-rendered pages
 * (templates in {@code templates/app/}, texts in {@code app*.properties}) whose forms go through
 * {@code TraceLedger}, so the chaincode's rules and codes are the API's.
 *
 * <p>Entry points: {@link io.heitu.service.app.LotsController} (my lots, a lot's page, recalls,
 * ranking), then one controller per kind of work ({@code FarmController}, {@code TradeController},
 * {@code InspectController} …); {@link io.heitu.service.app.MyLots} builds the dashboards.
 */
package io.heitu.service.app;
