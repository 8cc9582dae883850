/**
 * The words EPCIS documents use: CBV 2.0 vocabularies (bare words, URNs and Web URIs of business
 * steps, dispositions, types …), the namespaces a document's {@code @context} declares, and the
 * GS1-CBV-XML-Format a client asks for.
 *
 * <p>Entry points: {@link io.heitu.service.epcis.cbv.Vocabulary}, {@link
 * io.heitu.service.epcis.cbv.Namespaces}.
 */
package io.heitu.service.epcis.cbv;
