/**
 * SimpleEventQuery: URL or named-query parameters read into conditions, each evaluated as an SQL
 * prefilter over the read model and as a test on the event itself, ordered and paged by key.
 *
 * <p>Entry points: {@link io.heitu.service.epcis.query.QueryParameters} (parameters to an {@link
 * io.heitu.service.epcis.query.EventQuery}) and {@link io.heitu.service.epcis.query.EventSearch}.
 */
package io.heitu.service.epcis.query;
