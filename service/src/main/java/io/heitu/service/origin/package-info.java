/**
 * The service's public origin, from configuration: links the service writes into answers (the
 * resolver's anchors, EPCIS paging links, problem instances) name it, never the request's
 * {@code Host} header, which a client chooses.
 */
package io.heitu.service.origin;
