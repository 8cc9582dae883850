/**
 * Load generators that print a table, each figure beside a floor measured in the same run; run by
 * {@code bash bench/run.sh}, never part of the tests.
 *
 * <p>Entry points: {@link io.heitu.bench.CaptureBench}, {@link io.heitu.bench.VerifyBench}, {@link
 * io.heitu.bench.LineageBench}, {@link io.heitu.bench.FabricBench}.
 */
package io.heitu.bench;
