/**
 * Heitu Trace service: REST API, web app, QR codes and the consumer page over one ledger port, on
 * the embedded ledger or on Fabric.
 *
 * <p>Entry point: {@link io.heitu.service.HeituApplication}; start-up order in {@link
 * io.heitu.service.StartupPhases}; settings in {@link io.heitu.service.HeituProperties}. One package
 * per feature; the ledger port is {@code ledger}, its answers are the records of {@code ledger.wire}.
 */
package io.heitu.service;
