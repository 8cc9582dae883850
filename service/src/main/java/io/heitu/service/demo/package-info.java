/**
 * DEMO data, loaded only with {@code heitu.demo.enabled}: Jilin organisations, one user per role
 * (an identity seed, before the ledger opens), chains from plot to shelf and issued QR codes.
 *
 * <p>Entry points: {@link io.heitu.service.demo.DemoAccounts}, {@link io.heitu.service.demo.DemoData},
 * {@link io.heitu.service.demo.DemoCodes}; the chains are {@code resources/demo/chains.json}.
 */
package io.heitu.service.demo;
