/**
 * EPCIS 2.0's XML binding: documents read (hardened JAXP DOM, validated against GS1's XSDs) into
 * the JSON-LD the service captures, and events written back as XML valid against the same XSDs.
 *
 * <p>Entry point: {@link io.heitu.service.epcis.xml.EpcisXml}.
 */
package io.heitu.service.epcis.xml;
