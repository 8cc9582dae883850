/**
 * Endpoints the benchmarks measure against ({@code bench/}): the trivial baselines beside each
 * figure, and QR rendering inside the service.
 *
 * <p>Entry point: {@link io.heitu.service.bench.PublicBaselineController}.
 */
package io.heitu.service.bench;
