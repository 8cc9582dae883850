/**
 * What a consumer meets: the GS1 Digital Link resolver at {@code /01/…} (HTML, JSON, linkset), the
 * scan verdict, scan counts, freezes and photo decoding. A scan takes one straight path: {@link
 * io.heitu.service.consumer.Resolver} → {@link io.heitu.service.consumer.CodeChecks} (signature,
 * then the lot's page, then the issuance) → {@link io.heitu.service.consumer.Verdicts} → one {@link
 * io.heitu.service.consumer.Verdict}.
 *
 * <p>Entry point: {@link io.heitu.service.consumer.ResolverController}.
 */
package io.heitu.service.consumer;
