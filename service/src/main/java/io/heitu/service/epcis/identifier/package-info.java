/**
 * One identity for each GS1 key however it is written: EPC URNs, GS1 Digital Link URIs on any
 * domain, and the canonical form the read model stores and queries compare (Digital Link on
 * {@code id.gs1.org}); EPC patterns with {@code *} in any component.
 *
 * <p>Entry point: {@link io.heitu.service.epcis.identifier.Identifiers#canonical(String)}.
 */
package io.heitu.service.epcis.identifier;
